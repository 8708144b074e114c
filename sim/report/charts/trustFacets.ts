import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, specHeader } from './common';

const FACETS = [
  ['trust_ability', 'ability'],
  ['trust_benevolence', 'benevolence'],
  ['trust_integrity', 'integrity'],
] as const;

/** The three facets of trust (ability, benevolence, integrity) as small multiples. */
export function trustFacets(input: ReportInput): ReportChart | null {
  const values = FACETS.flatMap(([metric, facet]) => seriesFor(input, metric).map((p) => ({ ...p, facet })));
  if (values.length === 0) return null;
  const id = 'trust-facets';
  const title = 'Trust in ability, benevolence and integrity';
  const caption =
    'Which facet moves: product failures hit ability, but how the company answers moves benevolence and integrity. ' +
    'A response that repairs ability yet leaves integrity low has not rebuilt trust.';
  const spec = asChartSpec({
    ...specHeader(title, 'Whole population · band = 90% interval', caption),
    data: { values },
    facet: {
      column: {
        field: 'facet',
        type: 'nominal',
        sort: FACETS.map(([, f]) => f),
        title: null,
        header: { labelFontSize: 14, labelFontWeight: 'bold' },
      },
    },
    spec: {
      width: 196,
      height: 220,
      layer: bandAndLine(input, { yTitle: 'trust (scale 0–1)', domain: [0, 1] }),
    },
  });
  return { id, title, caption, spec };
}
