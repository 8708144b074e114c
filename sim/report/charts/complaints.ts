import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { CHART_WIDTH } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, markerLayers, periodDays, specHeader, topWithHeadroom } from './common';

/** Complaints per day per strategy, with scenario-wide events marked. */
export function complaints(input: ReportInput): ReportChart | null {
  const values = seriesFor(input, 'complaints');
  if (values.length === 0) return null;
  const id = 'complaints';
  const title = 'Complaints per day';
  const caption =
    'Complaints follow grievance, not awareness: they stay high while claimants feel unheard, and fall ' +
    'soon after a response that fixes their problem.';
  const height = 260;
  const markers = markerLayers(input, { days: periodDays(input), width: CHART_WIDTH, strategies: false });
  const spec = asChartSpec({
    ...specHeader(title, 'Whole population · band = 90% interval', caption),
    width: CHART_WIDTH,
    height,
    data: { values },
    layer: [
      ...bandAndLine(input, {
        yTitle: 'complaints per day (people)',
        domain: [0, topWithHeadroom(values, height, markers.headroom)],
        nice: true,
      }),
      ...markers.layers,
    ],
  });
  return { id, title, caption, spec };
}
