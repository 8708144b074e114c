/**
 * The asymmetric facet step: λ(x) peaks at intermediate trust, a bad step at x = 0.5 is λ times a good one for
 * small evidence, and the ratio is smaller for high trust (x ≥ 0.8: SF1's direction); the log-odds step
 * never leaves [0,1].
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lambda } from '../../sim/trust/lambda';
import { stepFacet } from '../../sim/trust/updateTrust';

const PEAK = 2.25;
const ETA4 = 4 * 0.12;

/** |bad step| / good step for evidence of size e at x. */
function badToGood(x: number, e: number, peak = PEAK): number {
  const up = stepFacet(x, e, 0, ETA4, peak) - x;
  const down = x - stepFacet(x, 0, -e, ETA4, peak);
  return down / up;
}

describe('lambda', () => {
  it('is the peak at x = 0.5, 1 at the extremes, symmetric and unimodal', () => {
    expect(lambda(0.5, PEAK)).toBeCloseTo(PEAK, 12);
    expect(lambda(0, PEAK)).toBe(1);
    expect(lambda(1, PEAK)).toBe(1);
    for (let q = 0; q < 10; q++) {
      const x = q / 20;
      expect(lambda(x, PEAK)).toBeCloseTo(lambda(1 - x, PEAK), 12);
      expect(lambda((q + 1) / 20, PEAK)).toBeGreaterThan(lambda(x, PEAK));
    }
  });

  it('is 1 everywhere when the peak is 1 (no asymmetry)', () => {
    for (const x of [0, 0.3, 0.5, 0.9]) expect(lambda(x, 1)).toBe(1);
  });
});

describe('stepFacet', () => {
  it('at x = 0.5 a bad step is λ times a good one for small evidence (within 0.5%)', () => {
    expect(badToGood(0.5, 1e-4)).toBeCloseTo(PEAK, 2);
    expect(Math.abs(badToGood(0.5, 1e-4) / PEAK - 1)).toBeLessThan(0.005);
    expect(Math.abs(badToGood(0.5, 1e-4, 4) / 4 - 1)).toBeLessThan(0.005);
  });

  it('the bad-to-good ratio is smaller at high trust (x ≥ 0.8) than at x = 0.5 (SF1 direction)', () => {
    const mid = badToGood(0.5, 1e-3);
    for (const x of [0.8, 0.85, 0.9, 0.95]) {
      const r = badToGood(x, 1e-3);
      expect(r).toBeLessThan(mid);
      expect(r).toBeGreaterThan(1); // bad news still weighs more than good
    }
  });

  it('for small steps matches the brief: good Δx ≈ 4ηe·x(1−x), bad Δx ≈ 4ηλ(x)e·x(1−x) (0.5%)', () => {
    const e = 1e-4;
    for (const x of [0.2, 0.5, 0.7]) {
      const good = stepFacet(x, e, 0, ETA4, PEAK) - x;
      const bad = stepFacet(x, 0, -e, ETA4, PEAK) - x;
      expect(Math.abs(good / (ETA4 * e * x * (1 - x)) - 1)).toBeLessThan(0.005);
      expect(Math.abs(bad / (-ETA4 * lambda(x, PEAK) * e * x * (1 - x)) - 1)).toBeLessThan(0.005);
    }
  });

  it('returns x unchanged without evidence, and when good and bad cancel exactly', () => {
    expect(stepFacet(0.37, 0, 0, ETA4, PEAK)).toBe(0.37);
    const x = 0.5;
    expect(stepFacet(x, PEAK * 0.1, -0.1, ETA4, PEAK)).toBeCloseTo(x, 12);
  });

  it('stays in [0,1], rises with good news and falls with bad, however large the evidence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 0, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (x, pos, neg, eta4, peak) => {
          const y = stepFacet(x, pos, neg, eta4, peak);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
          expect(stepFacet(x, pos, 0, eta4, peak)).toBeGreaterThanOrEqual(x);
          expect(stepFacet(x, 0, neg, eta4, peak)).toBeLessThanOrEqual(x);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
