import type { ReportInput } from '../../experiment/types';
import { incidentTitles, seriesFor } from '../data';
import { CHART_WIDTH } from '../style';
import type { ChartSpec } from '../types';
import { asChartSpec } from '../types';
import { bandAndLine, specHeader } from './common';

/** A per-incident metric (`<metric>.<incidentId>`) as one row of small multiples per incident. */
export function incidentSeriesSpec(
  input: ReportInput,
  metric: string,
  opts: { title: string; subtitle: string; caption: string; yTitle: string; domain?: [number, number] },
): ChartSpec | null {
  const titles = incidentTitles(input);
  const values = input.scenario.incidents.flatMap((inc) =>
    seriesFor(input, `${metric}.${inc.id}`).map((p) => ({ ...p, incident: titles.get(inc.id)! })),
  );
  if (values.length === 0) return null;
  const band = opts.domain
    ? bandAndLine(input, { yTitle: opts.yTitle, domain: opts.domain })
    : bandAndLine(input, { yTitle: opts.yTitle });
  return asChartSpec({
    ...specHeader(opts.title, opts.subtitle, opts.caption),
    data: { values },
    facet: {
      row: {
        field: 'incident',
        type: 'nominal',
        sort: input.scenario.incidents.map((inc) => titles.get(inc.id)!),
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 14, labelLimit: 0 },
      },
    },
    spec: { width: CHART_WIDTH, height: 170, layer: band },
  });
}
