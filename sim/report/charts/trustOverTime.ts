import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { CHART_WIDTH } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, markerLayers, periodDays, specHeader } from './common';

/**
 * A y domain around the data (lo/hi bands included), on a 0.05 grid, so differences between strategies
 * show, with the top `headroom` pixels of a plot `height` pixels tall left free for the event labels.
 */
function paddedDomain(
  values: Array<{ lo: number; hi: number }>,
  height: number,
  headroom: number,
): [number, number] {
  let lo = 1;
  let hi = 0;
  for (const v of values) {
    if (v.lo < lo) lo = v.lo;
    if (v.hi > hi) hi = v.hi;
  }
  const a = Math.max(0, Math.floor(lo * 20 - 1) / 20);
  const top = a + ((hi - a) * height) / Math.max(1, height - Math.max(headroom, 8));
  const b = Math.min(1, Math.ceil(top * 20) / 20);
  return a < b ? [a, b] : [0, 1];
}

/** Trust of the whole population per strategy, with its 90% band and the dated events on the chart. */
export function trustOverTime(input: ReportInput): ReportChart | null {
  const values = seriesFor(input, 'trust');
  if (values.length === 0) return null;
  const id = 'trust-over-time';
  const title = 'Trust over time';
  const caption =
    'Where the lines part after each incident and response: the gap between strategies is the effect of the response. ' +
    'Shaded bands are the 90% interval across replicates; where bands overlap, the difference is not clear.';
  const height = 340;
  const markers = markerLayers(input, { days: periodDays(input), width: CHART_WIDTH });
  const spec = asChartSpec({
    ...specHeader(title, 'Whole population · mean of replicates · band = 90% interval', caption),
    width: CHART_WIDTH,
    height,
    data: { values },
    layer: [
      ...bandAndLine(input, {
        yTitle: 'trust (scale 0–1)',
        domain: paddedDomain(values, height, markers.headroom),
      }),
      ...markers.layers,
    ],
  });
  return { id, title, caption, spec };
}
