import type { ReportInput } from '../../experiment/types';
import { segmentTitles, statsOf } from '../data';
import { formatFixed, formatPercent, nearlyEqual, roundSig } from '../format';
import { CHART_WIDTH, strategyColour } from '../style';
import { textWidth } from '../textWidth';
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
          const summed = totals.get(`${strategy}\u0000${g.id}\u0000donation_reaction_${polarity}`) ?? 0;
          const share = summed / g.size;
          // The 90% interval across replicates, from the summary's area under the curve when it describes the
          // same reactions (it differs from the summed daily means only by half of the first and last day).
          const auc = statsOf(input, strategy, `donation_reaction_${polarity}_auc`, g.id);
          const same =
            auc !== undefined && Math.abs(auc.mean - summed) <= 0.01 * Math.max(1, Math.abs(summed));
          const interval = same ? percentInterval(auc.lo / g.size, auc.hi / g.size) : '';
          return {
            strategy,
            group: titles.get(g.id)!,
            polarity,
            share: roundSig(polarity === 'negative' ? -share : share, 5),
            shareLabel: `${polarity} ${formatPercent(share)}${interval}`,
          };
        }),
      ),
  );
  const id = 'donation-reactions';
  const title = 'Reactions to the donation announcement, by group';
  const caption =
    'The same announcement lands differently: groups with a grievance tend to read a donation as spin ' +
    '(bars to the left), while loyal fans applaud it (bars to the right). Compare each group’s two bars; ' +
    'the brackets give each share’s 90% interval across replicates.';
  const width = CHART_WIDTH - 180;
  const extent = symmetricExtent(values, width);
  const groupOrder = groups.filter((g) => g.size > 0).map((g) => titles.get(g.id)!);
  const yEnc = { field: 'group', type: 'nominal', sort: groupOrder, title: null, axis: { labelLimit: 220 } };
  const offset = donors.length > 1 ? { yOffset: { field: 'strategy', type: 'nominal', sort: donors } } : {};
  const spec = asChartSpec({
    ...specHeader(title, 'Share of each group reacting over the period · negative ← | → positive', caption),
    width,
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
            axis: { values: percentTicks(extent), labelExpr: "format(abs(datum.value), '.0%')" },
          },
          // Only the strategies shown, with filled swatches; each keeps its colour from the other charts.
          color: strategyColour(input, donors.length > 1, { only: donors, symbol: 'square' }),
          tooltip: [
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'group', type: 'nominal', title: 'group' },
            { field: 'shareLabel', type: 'nominal', title: 'reaction' },
          ],
        },
      },
      // Labels beside the bars, on their polarity's side of zero (so "negative 0%" never lands on a
      // positive bar); a layer only for polarities that occur (an empty layer warns).
      ...(
        [
          ['positive', 'left', 4],
          ['negative', 'right', -4],
        ] as const
      )
        .filter(([polarity]) => values.some((v) => v.polarity === polarity))
        .map(([polarity, align, dx]) => ({
          transform: [{ filter: `datum.polarity === '${polarity}'` }],
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

/**
 * " (55–59%)": a share's 90% interval as whole percentages, with one decimal when whole ones would read
 * the same although the ends differ; empty when the share was the same in every replicate.
 */
function percentInterval(lo: number, hi: number): string {
  if (nearlyEqual(lo, hi)) return '';
  const whole = [formatPercent(lo), formatPercent(hi)];
  const [a, b] =
    whole[0] === whole[1]
      ? [formatFixed(lo * 100, 1), `${formatFixed(hi * 100, 1)}%`]
      : [whole[0]!.slice(0, -1), whole[1]!];
  return ` (${a}–${b})`;
}

/**
 * Half-width of the symmetric share axis: every label ("positive 68%") fits beside its bar inside the
 * plot (Helvetica metrics, 12 px, 4 px from the bar, 6 px spare), and the bars keep some length.
 */
function symmetricExtent(
  values: ReadonlyArray<{ share: number; shareLabel: string }>,
  width: number,
): number {
  let extent = 0.01;
  for (const v of values) {
    const room = textWidth(v.shareLabel, 12) + 10;
    const free = Math.max(0.25, 1 - (2 * room) / width);
    extent = Math.max(extent, (Math.abs(v.share) * 1.1) / free);
  }
  return roundSig(extent, 3);
}

/** Tick values for a ±extent share axis: at most four a side, on a round step, never past 100%. */
function percentTicks(extent: number): number[] {
  const top = Math.min(1, extent);
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25].find((s) => top / s <= 4.0001) ?? 0.25;
  const n = Math.floor(top / step + 1e-9);
  const ticks: number[] = [];
  for (let i = -n; i <= n; i++) ticks.push(roundSig(i * step, 6) || 0);
  return ticks;
}
