import type { ReportInput } from '../../experiment/types';
import { seriesFor } from '../data';
import { asChartSpec, type ReportChart } from '../types';
import { bandAndLine, specHeader } from './common';

const POLARITY = [
  ['wom_negative', 'negative word of mouth'],
  ['wom_positive', 'positive word of mouth'],
] as const;

/** Negative vs positive word of mouth per strategy, side by side on a shared scale. */
export function wordOfMouth(input: ReportInput): ReportChart | null {
  const values = POLARITY.flatMap(([metric, polarity]) =>
    seriesFor(input, metric).map((p) => ({ ...p, polarity })),
  );
  if (values.length === 0) return null;
  const id = 'word-of-mouth';
  const title = 'Word of mouth: negative vs positive';
  const caption =
    'Both panels share one scale, so compare heights directly: negative talk usually dwarfs positive talk in a ' +
    'crisis, and a good response shows first as a faster fall on the left rather than a rise on the right.';
  const spec = asChartSpec({
    ...specHeader(title, 'People talking per day · band = 90% interval', caption),
    data: { values },
    facet: {
      column: {
        field: 'polarity',
        type: 'nominal',
        sort: POLARITY.map(([, p]) => p),
        title: null,
        header: { labelFontSize: 14, labelFontWeight: 'bold' },
      },
    },
    spec: { width: 300, height: 240, layer: bandAndLine(input, { yTitle: 'people per day' }) },
  });
  return { id, title, caption, spec };
}
