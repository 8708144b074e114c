/**
 * Invariants of the whole daily schedule on small random scenarios (fast-check, fixed seed, 30 runs):
 * facets stay in [0,1], real-people weights are conserved, awareness never un-happens, the ledger never
 * falls, and every metric is finite where it is defined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { step } from '../../sim/engine/step';
import type { World } from '../../sim/engine/World';
import { COMPANY_METRICS } from '../../sim/metrics/metricLayout';
import { CHURNED } from '../../sim/population/Population';
import { randomScenarioArb } from '../helpers/randomScenario';
import { makeWorld, scenario } from '../helpers/world';

const RUNS = Number(process.env.PROP_RUNS ?? 30);

/** Relative closeness for sums of real people (weights are size/agents, so sums carry rounding). */
function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkAgents(w: World, problems: string[]): void {
  const s = w.s;
  const N = w.pop.n;
  // The classic stance rules overwrite the facets directly (see test/wom/stanceRules.test.ts); the others
  // keep integrity under the deception ceiling.
  const rule = w.model.scenario.model.wom.stanceRule;
  const ceiling = rule === 'evidence' || rule === 'none';
  for (let i = 0; i < N; i++) {
    if (ceiling && s.ti[i] > s.ceilI[i] + 1e-12)
      problems.push(`day ${s.day}: ti[${i}] ${s.ti[i]} above ceiling ${s.ceilI[i]}`);
    for (const [name, arr] of [
      ['ta', s.ta],
      ['tb', s.tb],
      ['ti', s.ti],
      ['T', s.T],
      ['grievance', s.grievance],
      ['avoidance', s.avoidance],
    ] as const) {
      const x = arr[i];
      if (!(x >= 0 && x <= 1)) problems.push(`day ${s.day}: ${name}[${i}] = ${x}`);
    }
  }
}

/** Real-people awareness sums kept incrementally must equal a recount over the agents. */
function checkAwareSums(w: World, problems: string[]): void {
  const s = w.s;
  const N = w.pop.n;
  const S = w.pop.segments;
  const K = w.model.incidents.length;
  const anyW = new Float64Array(S);
  for (let i = 0; i < N; i++) if (s.awareAny[i]) anyW[w.pop.segment[i]] += w.pop.weight[i];
  for (let sg = 0; sg < S; sg++) {
    if (!close(anyW[sg], s.awareAnyW[sg], 1e-9))
      problems.push(`awareAnyW[${sg}] ${s.awareAnyW[sg]} ≠ recount ${anyW[sg]}`);
    if (s.awareAnyW[sg] > w.pop.segSize[sg] * (1 + 1e-9))
      problems.push(`awareAnyW[${sg}] above segment size`);
  }
  for (let k = 0; k < K; k++) {
    const kw = new Float64Array(S);
    for (let i = 0; i < N; i++) if (s.aware[k * N + i] >= 0) kw[w.pop.segment[i]] += w.pop.weight[i];
    for (let sg = 0; sg < S; sg++)
      if (!close(kw[sg], s.awareW[k * S + sg], 1e-9)) problems.push(`awareW[${k},${sg}] ≠ recount`);
  }
}

/** Metric row checks for the day just collected. */
function checkMetrics(
  w: World,
  day: number,
  prevAware: Float64Array | null,
  problems: string[],
): Float64Array {
  const L = w.layout;
  const M = L.names.length;
  const rows = w.pop.segments + 1;
  const v = w.s.values;
  const awareNow = new Float64Array(rows * (1 + L.awareK.length));
  for (let r = 0; r < rows; r++) {
    const at = (day * rows + r) * M;
    const size = r === 0 ? w.pop.segSize.reduce((a, b) => a + b, 0) : w.pop.segSize[r - 1];
    for (let j = 0; j < M; j++) {
      const name = L.names[j];
      const x = v[at + j];
      const companyOnly = COMPANY_METRICS.has(name) || name.startsWith('media_attention.');
      if (r > 0 && companyOnly) {
        if (!Number.isNaN(x))
          problems.push(`day ${day} row ${r}: company metric ${name} = ${x}, expected NaN`);
        continue;
      }
      if (name === 'satisfaction' && Number.isNaN(x)) continue; // undefined without claimants
      if (!Number.isFinite(x)) {
        problems.push(`day ${day} row ${r}: ${name} = ${x}`);
        continue;
      }
      const isShare =
        name === 'aware_share' ||
        name.startsWith('aware_share.') ||
        name === 'promoters_share' ||
        name === 'detractors_share' ||
        name.startsWith('trust') ||
        name === 'grievance' ||
        name === 'avoidance';
      if (isShare && !(x >= -1e-12 && x <= 1 + 1e-9)) problems.push(`day ${day} row ${r}: ${name} = ${x}`);
      const isCount = [
        'complaints',
        'wom_negative',
        'wom_positive',
        'rights_group_size',
        'churned',
        'donation_reaction_positive',
        'donation_reaction_negative',
        'lawsuits',
        'trending',
        'media_attention',
        'response_cost_cny',
      ].includes(name);
      if (isCount && x < 0) problems.push(`day ${day} row ${r}: count ${name} = ${x}`);
      if ((name === 'churned' || name === 'rights_group_size') && x > size * (1 + 1e-9))
        problems.push(`day ${day} row ${r}: ${name} ${x} exceeds the ${size} real people`);
      if (name === 'nps' && !(x >= -100 - 1e-9 && x <= 100 + 1e-9)) problems.push(`nps ${x}`);
    }
    const aw = [v[at + L.index.aware_share], ...L.awareK.map((j) => v[at + j])];
    aw.forEach((x, q) => {
      awareNow[r * aw.length + q] = x;
    });
  }
  if (prevAware) {
    for (let q = 0; q < awareNow.length; q++)
      if (awareNow[q] < prevAware[q] - 1e-12)
        problems.push(`day ${day}: aware share slot ${q} fell ${prevAware[q]} → ${awareNow[q]}`);
  }
  return awareNow;
}

/** Purchases are kept incrementally: Σ weight·P(buy) over the agents who have not churned. */
function checkPurchaseRate(w: World, problems: string[]): void {
  const s = w.s;
  const S = w.pop.segments;
  const sum = new Float64Array(S);
  for (let i = 0; i < w.pop.n; i++)
    if (s.status[i] !== CHURNED) sum[w.pop.segment[i]] += w.pop.weight[i] * s.pBuy[i];
  for (let sg = 0; sg < S; sg++) {
    // Float32 storage of P(buy) lets the incremental sum drift by ~1e-7 relative per update.
    if (!close(sum[sg], s.buyRateSeg[sg], 1e-5))
      problems.push(`buyRateSeg[${sg}] ${s.buyRateSeg[sg]} ≠ ${sum[sg]}`);
  }
}

describe('engine invariants on random scenarios (fast-check, seed 20251101, 30 runs)', () => {
  it('facets in [0,1], weights conserved, awareness never un-happens, ledger never falls, metrics finite', () => {
    fc.assert(
      fc.property(randomScenarioArb(), (c) => {
        const sc = scenario(c.input);
        for (const st of sc.strategies) {
          const { w, rt, model } = makeWorld(sc, { seed: c.seed, replicate: c.replicate, strategy: st.id });
          const problems: string[] = [];
          // Weights: the agents stand for exactly the segments' real people.
          const pop = w.pop;
          const sizes = sc.population.segments.reduce((a, s) => a + s.size, 0);
          let wsum = 0;
          for (let i = 0; i < pop.n; i++) wsum += pop.weight[i];
          expect(close(wsum, sizes, 1e-9)).toBe(true);
          for (let sg = 0; sg < pop.segments; sg++) {
            let seg = 0;
            for (let i = pop.segStart[sg]; i < pop.segStart[sg + 1]; i++) seg += pop.weight[i];
            expect(close(seg, pop.segSize[sg], 1e-9)).toBe(true);
          }
          const N = pop.n;
          let prevAwareDay = w.s.aware.slice();
          let prevLedger = w.s.ledger.slice();
          let prevAwareShares: Float64Array | null = null;
          for (let d = 0; d < model.days; d++) {
            step(w, rt);
            const s = w.s;
            checkAgents(w, problems);
            // Awareness: once set, the day never changes; new awareness is dated today at the latest.
            for (let q = 0; q < s.aware.length; q++) {
              const before = prevAwareDay[q];
              const now = s.aware[q];
              if (before >= 0 && now !== before) problems.push(`day ${d}: aware[${q}] ${before} → ${now}`);
              if (before < 0 && now >= 0 && now !== d)
                problems.push(`day ${d}: aware[${q}] set to day ${now}`);
            }
            for (let i = 0; i < N; i++) {
              let any = 0;
              for (let k = 0; k < model.incidents.length; k++) if (s.aware[k * N + i] >= 0) any = 1;
              if (any !== s.awareAny[i]) problems.push(`day ${d}: awareAny[${i}] = ${s.awareAny[i]}`);
            }
            // Ledger: never negative, each slot non-decreasing.
            for (let q = 0; q < s.ledger.length; q++) {
              if (!(s.ledger[q] >= 0)) problems.push(`day ${d}: ledger[${q}] = ${s.ledger[q]}`);
              if (s.ledger[q] < prevLedger[q]) problems.push(`day ${d}: ledger[${q}] fell`);
            }
            checkAwareSums(w, problems);
            checkPurchaseRate(w, problems);
            prevAwareShares = checkMetrics(w, d, prevAwareShares, problems);
            prevAwareDay = s.aware.slice();
            prevLedger = s.ledger.slice();
            if (problems.length > 0) break;
          }
          expect(problems.slice(0, 5)).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: 20251101 },
    );
  });
});
