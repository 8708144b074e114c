/**
 * Ranking of strategies across replicates (common random numbers: replicate r of every strategy shares one
 * random world, so strategies are ranked within each replicate). Pure, deterministic and browser-safe.
 */
import { isTie } from './paired';
import type { RankingRow } from './types';

/**
 * Ranks strategies on one metric.
 * Per replicate r, with "better" meaning larger direction·value and ties judged as in `pairedComparison`
 * (|a − b| ≤ 1e-12·max(1, |a|, |b|)):
 *   - rank = 1 + (number of strictly better strategies) + ½·(number of other strategies tied with it),
 *     i.e. 1 = best and tied strategies share the average of the ranks they occupy;
 *   - the best value is the best direction·value; the strategies tied with it form the best set,
 *     each gets 1/|best set| towards pBest and regret 0; every other strategy has regret |best − own|.
 * meanRank, meanRegret and pBest average those over replicates.
 * Rows are sorted by meanRank, then strategy id (code-unit order), so the output is deterministic.
 * Throws when there are no strategies, no replicates, unequal replicate counts or non-finite values.
 */
export function rankStrategies(
  valuesByStrategy: Record<string, ArrayLike<number>>,
  metric: string,
  direction: 1 | -1,
): RankingRow[] {
  const ids = Object.keys(valuesByStrategy).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const k = ids.length;
  if (k === 0) throw new RangeError(`rankStrategies(${metric}): no strategies`);
  const columns = ids.map((id) => valuesByStrategy[id]!);
  const n = columns[0]!.length;
  if (n === 0) throw new RangeError(`rankStrategies(${metric}): no replicates`);
  for (let s = 0; s < k; s++) {
    const col = columns[s]!;
    if (col.length !== n) {
      throw new RangeError(
        `rankStrategies(${metric}): ${ids[s]} has ${col.length} replicates, ${ids[0]} has ${n}`,
      );
    }
    for (let r = 0; r < n; r++) {
      if (!Number.isFinite(col[r]!)) {
        throw new RangeError(`rankStrategies(${metric}): ${ids[s]} replicate ${r} is ${col[r]}`);
      }
    }
  }

  const rankSum = new Float64Array(k);
  const regretSum = new Float64Array(k);
  const bestSum = new Float64Array(k);
  const score = new Float64Array(k); // direction·value: larger is better
  const inBest: boolean[] = new Array(k).fill(false);
  for (let r = 0; r < n; r++) {
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < k; s++) {
      score[s] = direction * columns[s]![r]!;
      if (score[s]! > bestScore) bestScore = score[s]!;
    }
    let bestCount = 0;
    for (let s = 0; s < k; s++) {
      inBest[s] = isTie(score[s]!, bestScore);
      if (inBest[s]) bestCount++;
    }
    for (let s = 0; s < k; s++) {
      let rank = 1;
      for (let o = 0; o < k; o++) {
        if (o === s) continue;
        if (isTie(score[o]!, score[s]!)) rank += 0.5;
        else if (score[o]! > score[s]!) rank += 1;
      }
      rankSum[s]! += rank;
      if (inBest[s]) bestSum[s]! += 1 / bestCount;
      else regretSum[s]! += bestScore - score[s]!; // = |best − own| in the metric's units
    }
  }

  const rows: RankingRow[] = ids.map((strategy, s) => ({
    metric,
    strategy,
    meanRank: rankSum[s]! / n,
    meanRegret: regretSum[s]! / n,
    pBest: bestSum[s]! / n,
  }));
  rows.sort((a, b) =>
    a.meanRank !== b.meanRank
      ? a.meanRank - b.meanRank
      : a.strategy < b.strategy
        ? -1
        : a.strategy > b.strategy
          ? 1
          : 0,
  );
  return rows;
}
