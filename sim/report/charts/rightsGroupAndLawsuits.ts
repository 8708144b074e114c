import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { CHART_WIDTH } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, markerLayers, periodDays, specHeader, topWithHeadroom } from './common';

/** Rights-group membership and lawsuits filed (both cumulative), stacked panels. */
export function rightsGroupAndLawsuits(input: ReportInput): ReportChart | null {
  const group = seriesFor(input, 'rights_group_size');
  const suits = seriesFor(input, 'lawsuits');
  if (group.length === 0 && suits.length === 0) return null;
  const id = 'rights-group-and-lawsuits';
  const title = 'Organised claimants: rights group and lawsuits';
  const caption =
    'Unresolved grievance organises: the rights group grows while claimants feel ignored, and lawsuits follow ' +
    'the group with a lag. A flat line means the response settled claims before they became cases.';
  const days = periodDays(input);
  const height = 200;
  const panel = (values: Array<{ hi: number }>, yTitle: string, withMarkers: boolean) => {
    const markers = withMarkers
      ? markerLayers(input, { days, width: CHART_WIDTH, strategies: false, kinds: ['ruling', 'lawsuit'] })
      : { layers: [], headroom: 0 };
    return {
      width: CHART_WIDTH,
      height,
      data: { values },
      layer: [
        ...bandAndLine(
          input,
          markers.headroom > 0
            ? { yTitle, domain: [0, topWithHeadroom(values, height, markers.headroom)], nice: true }
            : { yTitle },
        ),
        ...markers.layers,
      ],
    };
  };
  const panels = [];
  if (group.length > 0) panels.push(panel(group, 'rights-group members (people)', false));
  if (suits.length > 0) panels.push(panel(suits, 'lawsuits, cumulative (cases)', true));
  const spec = asChartSpec({
    ...specHeader(title, 'Whole population · band = 90% interval', caption),
    vconcat: panels,
    spacing: 24,
  });
  return { id, title, caption, spec };
}
