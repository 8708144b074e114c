import type { ReportInput } from '../../experiment/types';
import { segmentTitles } from '../data';
import { formatPercent, roundSig } from '../format';
import { CHART_WIDTH, strategyColour } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { specHeader } from './common';

/**
 * Reactions to the donation announcement, split by group: the share of each segment that reacted
 * positively (right) or negatively (left) over the whole period, for each strategy that donated.
 * Reactions are summed over days (people) and divided by the segment's size.
 */
export function donationReactions(input: ReportInput): ReportChart | null {
  const titles = segmentTitles(input);
  const groups = [
    ...input.scenario.segments.map((s) => ({ id: s.id, size: s.size })),
    { id: 'all', size: input.scenario.segments.reduce((sum, s) => sum + s.size, 0) },
  ];
  const totals = new Map<string, number>();
  for (const r of input.series) {
    if (r.metric !== 'donation_reaction_positive' && r.metric !== 'donation_reaction_negative') continue;
    const key = `${r.strategy}\u0000${r.segment}\u0000${r.metric}`;
    totals.set(key, (totals.get(key) ?? 0) + r.mean);
  }
  const donors = input.scenario.strategies
    .map((s) => s.id)
    .filter((id) =>
      groups.some(
        (g) =>
          (totals.get(`${id}\u0000${g.id}\u0000donation_reaction_positive`) ?? 0) > 0 ||
          (totals.get(`${id}\u0000${g.id}\u0000donation_reaction_negative`) ?? 0) > 0,
      ),
    );
  if (donors.length === 0) return null;
  const values = donors.flatMap((strategy) =>
    groups
      .filter((g) => g.size > 0)
      .flatMap((g) =>
        (['positive', 'negative'] as const).map((polarity) => {
          const share =
            (totals.get(`${strategy}\u0000${g.id}\u0000donation_reaction_${polarity}`) ?? 0) / g.size;
          return {
            strategy,
            group: titles.get(g.id)!,
            polarity,
            share: roundSig(polarity === 'negative' ? -share : share, 5),
            shareLabel: `${polarity} ${formatPercent(share)}`,
          };
        }),
      ),
  );
  const id = 'donation-reactions';
  const title = 'Reactions to the donation announcement, by group';
  const caption =
    'The same announcement lands differently: groups with a grievance tend to read a donation as spin ' +
    '(bars to the left), while loyal fans applaud it (bars to the right). Compare each group’s two bars.';
  const extent = Math.min(1, Math.max(0.01, ...values.map((v) => Math.abs(v.share))) * 1.5);
  const groupOrder = groups.filter((g) => g.size > 0).map((g) => titles.get(g.id)!);
  const yEnc = { field: 'group', type: 'nominal', sort: groupOrder, title: null, axis: { labelLimit: 220 } };
  const offset = donors.length > 1 ? { yOffset: { field: 'strategy', type: 'nominal', sort: donors } } : {};
  const spec = asChartSpec({
    ...specHeader(title, 'Share of each group reacting over the period · negative ← | → positive', caption),
    width: CHART_WIDTH - 180,
    height: Math.max(80, groupOrder.length * 34 * donors.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: yEnc,
          ...offset,
          x: {
            field: 'share',
            type: 'quantitative',
            title: 'share of the group reacting (share 0–1; negative to the left)',
            scale: { domain: [-extent, extent], nice: false },
            axis: { labelExpr: "format(abs(datum.value), '.0%')", tickCount: 8 },
          },
          color: strategyColour(input, donors.length > 1),
          tooltip: [
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'group', type: 'nominal', title: 'group' },
            { field: 'shareLabel', type: 'nominal', title: 'reaction' },
          ],
        },
      },
      // Labels beside the bars; a layer only for signs that occur (an empty layer warns).
      ...(
        [
          ['datum.share >= 0', 'left', 4, values.some((v) => v.share >= 0)],
          ['datum.share < 0', 'right', -4, values.some((v) => v.share < 0)],
        ] as const
      )
        .filter(([, , , present]) => present)
        .map(([filter, align, dx]) => ({
          transform: [{ filter }],
          mark: { type: 'text', align, dx, baseline: 'middle', fontSize: 12 },
          encoding: {
            y: yEnc,
            ...offset,
            x: { field: 'share', type: 'quantitative' },
            text: { field: 'shareLabel' },
          },
        })),
      {
        mark: { type: 'rule', color: '#000000', strokeWidth: 1.5 },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
    ],
  });
  return { id, title, caption, spec };
}
