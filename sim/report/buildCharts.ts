/** Every chart of the report, in reading order. */

import type { ReportInput } from '../experiment/types';
import { awareness } from './charts/awareness';
import { complaints } from './charts/complaints';
import { donationReactions } from './charts/donationReactions';
import { forestPlot } from './charts/forestPlot';
import { ledger } from './charts/ledger';
import { mediaAttention } from './charts/mediaAttention';
import { rightsGroupAndLawsuits } from './charts/rightsGroupAndLawsuits';
import { trustFacets } from './charts/trustFacets';
import { trustHeatmap } from './charts/trustHeatmap';
import { trustOverTime } from './charts/trustOverTime';
import { wordOfMouth } from './charts/wordOfMouth';
import type { ChartBuilder, ReportChart } from './types';

export const CHART_BUILDERS: readonly ChartBuilder[] = [
  trustOverTime,
  trustFacets,
  trustHeatmap,
  awareness,
  mediaAttention,
  complaints,
  wordOfMouth,
  rightsGroupAndLawsuits,
  donationReactions,
  ledger,
  forestPlot,
];

/** Build every chart the input has data for (builders with nothing to draw are left out). */
export function buildCharts(input: ReportInput): ReportChart[] {
  const charts: ReportChart[] = [];
  for (const build of CHART_BUILDERS) {
    const chart = build(input);
    if (chart) charts.push(chart);
  }
  return charts;
}
