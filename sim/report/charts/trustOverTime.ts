import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { CHART_WIDTH } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, markerLayers, periodDays, specHeader } from './common';

/** Trust of the whole population per strategy, with its 90% band and the dated events on the chart. */
export function trustOverTime(input: ReportInput): ReportChart | null {
  const values = seriesFor(input, 'trust');
  if (values.length === 0) return null;
  const id = 'trust-over-time';
  const title = 'Trust over time';
  const caption =
    'Where the lines part after each incident and response: the gap between strategies is the effect of the response. ' +
    'Shaded bands are the 90% interval across replicates; where bands overlap, the difference is not clear.';
  const spec = asChartSpec({
    ...specHeader(title, 'Whole population · mean of replicates · band = 90% interval', caption),
    width: CHART_WIDTH,
    height: 300,
    data: { values },
    layer: [
      ...bandAndLine(input, { yTitle: 'trust (share 0–1)', domain: [0, 1] }),
      ...markerLayers(input, { days: periodDays(input), width: CHART_WIDTH }),
    ],
  });
  return { id, title, caption, spec };
}
