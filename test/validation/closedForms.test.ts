/**
 * The analytic targets of the oracle checks are computed from their formulas (sim/validation/closedForms.ts); here
 * they are pinned to the numbers EVIDENCE.md §(c) quotes, to the digits it gives.
 */
import { describe, expect, it } from 'vitest';
import {
  bassF,
  bassPeak,
  degrootConsensus,
  friedkinJohnsenLimit,
  hawkesMeanRate,
  rowNormalise,
  rumourDailyMeanField,
  rumourIgnorantFraction,
  rumourPeakSpreaders,
  sirFinalSize,
  stationaryDistribution,
  transmissibility,
} from '../../sim/validation/closedForms';

const W = [
  [0.5, 0.5, 0],
  [0.25, 0.5, 0.25],
  [0, 0.5, 0.5],
];

describe('closed forms of EVIDENCE.md §(c)', () => {
  it('O1: θ = exp(−2(1 − θ)) gives 0.2031878700; peak spreaders 1 − ln 2 = 0.3068528', () => {
    expect(rumourIgnorantFraction()).toBeCloseTo(0.20318787, 9);
    expect(rumourPeakSpreaders()).toBeCloseTo(0.3068528, 7);
  });

  it('O1: the daily scheme’s mean field tends to the continuous values as the step shrinks', () => {
    const coarse = rumourDailyMeanField(0.05, 1e6);
    const fine = rumourDailyMeanField(0.002, 1e6);
    expect(Math.abs(fine.theta - rumourIgnorantFraction())).toBeLessThan(
      Math.abs(coarse.theta - rumourIgnorantFraction()),
    );
    expect(Math.abs(fine.peak - rumourPeakSpreaders())).toBeLessThan(2e-4);
  });

  it('O2: SIR final sizes for R₀ = 1.2, 1.5, 2, 2.5, 3, 4 and T = p/(p + γ − pγ)', () => {
    const table: Array<[number, number]> = [
      [1.2, 0.313698],
      [1.5, 0.582812],
      [2, 0.796812],
      [2.5, 0.892645],
      [3, 0.94048],
      [4, 0.980173],
    ];
    for (const [r0, z] of table) expect(sirFinalSize(r0)).toBeCloseTo(z, 6);
    expect(sirFinalSize(0.9)).toBe(0);
    expect(transmissibility(0.1, 1 / 9)).toBeCloseTo(0.5, 12);
  });

  it('O3: Bass with p = 0.03, q = 0.38', () => {
    const pk = bassPeak(0.03, 0.38);
    expect(pk.t).toBeCloseTo(6.19262, 5);
    expect(pk.F).toBeCloseTo(0.460526, 6);
    expect(pk.f).toBeCloseTo(0.110592, 6);
    expect(bassF(1, 0.03, 0.38)).toBeCloseTo(0.035758, 6);
    expect(bassF(5, 0.03, 0.38)).toBeCloseTo(0.331199, 6);
    expect(bassF(10, 0.03, 0.38)).toBeCloseTo(0.812803, 6);
    expect(bassF(pk.t, 0.03, 0.38)).toBeCloseTo(pk.F, 10);
  });

  it('O4: DeGroot π = (.25, .5, .25), consensus 0.25; star with self-loops 0.6', () => {
    const pi = stationaryDistribution(W);
    expect(pi[0]).toBeCloseTo(0.25, 12);
    expect(pi[1]).toBeCloseTo(0.5, 12);
    expect(degrootConsensus(W, [1, 0, 0])).toBeCloseTo(0.25, 12);
    const star = rowNormalise([
      [1, 1, 1, 1],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
    expect(degrootConsensus(star, [0, 1, 1, 1])).toBeCloseTo(0.6, 12);
  });

  it('O5: Friedkin–Johnsen x* = (0.466667, 0.2, 0.133333)', () => {
    const x = friedkinJohnsenLimit(W, [0.8, 0.8, 0.8], [1, 0, 0]);
    expect(x[0]).toBeCloseTo(0.466667, 6);
    expect(x[1]).toBeCloseTo(0.2, 6);
    expect(x[2]).toBeCloseTo(0.133333, 6);
  });

  it('O6: Hawkes μ = 0.5, n = 0.8 gives mean rate 2.5', () => {
    expect(hawkesMeanRate(0.5, 0.8)).toBeCloseTo(2.5, 12);
  });
});
