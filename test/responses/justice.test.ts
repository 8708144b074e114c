/**
 * Service-recovery justice: the distributive S-curve g(c) (g(0) = 0, steepest in [0.6, 1.2], g(0.05) ≤ 10% of
 * g(1), non-increasing past 1.5) and the ordering of claimants' satisfaction (cash > voucher of the same face
 * value; an apology raises interactional justice; a legal manoeuvre kills procedural justice).
 */
import { describe, expect, it } from 'vitest';
import {
  claimantSatisfaction,
  compensationRatio,
  distributiveJustice,
  interactionalJustice,
  proceduralJustice,
} from '../../sim/responses/justice';
import { modelSchema } from '../../sim/scenario/schema';
import { abilityIncident, makeWorld, scenario } from '../helpers/world';

const RP = modelSchema.parse(undefined).recovery;
const g = (c: number) => distributiveJustice(c, RP);

describe('distributiveJustice g(c)', () => {
  it('g(0) = 0 and g rises to about 1 at the plateau', () => {
    expect(g(0)).toBeCloseTo(0, 12);
    expect(g(-1)).toBeCloseTo(0, 12);
    expect(g(1.5)).toBeGreaterThan(0.95);
    expect(g(1.5)).toBeLessThanOrEqual(1);
  });

  it('is steepest for c in [0.6, 1.2] (numerical derivative on a 0.001 grid over [0, 3])', () => {
    const h = 0.001;
    let best = 0;
    let at = -1;
    for (let c = 0; c <= 3; c += h) {
      const slope = (g(c + h) - g(c)) / h;
      if (slope > best) {
        best = slope;
        at = c;
      }
    }
    expect(at).toBeGreaterThanOrEqual(0.6);
    expect(at).toBeLessThanOrEqual(1.2);
  });

  it('a token offer is worth little: g(0.05) ≤ 10% of g(1)', () => {
    expect(g(0.05)).toBeLessThanOrEqual(0.1 * g(1));
  });

  it('is non-decreasing up to the plateau and non-increasing beyond 1.5', () => {
    for (let q = 0; q < 150; q++) expect(g((q + 1) / 100)).toBeGreaterThanOrEqual(g(q / 100));
    for (let q = 150; q < 500; q++) expect(g((q + 1) / 100)).toBeLessThanOrEqual(g(q / 100));
  });
});

describe('claimantSatisfaction', () => {
  const t = makeWorld(
    scenario({
      population: { segments: [{ id: 'c', size: 10, agents: 10 }] },
      incidents: [abilityIncident({ claimants: { segment: 'c', lossCny: 1000 } })],
    }),
  );
  const inc = t.model.incidents[0];
  const fresh = () => {
    const I = t.w.s.inc;
    for (const a of Object.values(I)) (a as { fill(v: number): void }).fill(0);
    I.firstResponseDay.fill(-1);
    return I;
  };

  it('cash beats a voucher of the same face value', () => {
    const I = fresh();
    I.cash[0] = 600;
    const cash = claimantSatisfaction(I, 0, inc, RP, false);
    I.cash[0] = 0;
    I.voucher[0] = 600;
    const voucher = claimantSatisfaction(I, 0, inc, RP, false);
    expect(cash).toBeGreaterThan(voucher);
    expect(compensationRatio(I, 0, inc, RP)).toBeCloseTo(RP.voucherFactor * 0.6, 12);
  });

  it('full performance counts as c = 1 in kind', () => {
    const I = fresh();
    I.fulfilled[0] = 1;
    expect(compensationRatio(I, 0, inc, RP)).toBe(1);
  });

  it('an apology raises interactional justice and satisfaction; a template reply lowers it', () => {
    const I = fresh();
    const none = claimantSatisfaction(I, 0, inc, RP, false);
    I.templated[0] = 1;
    const template = claimantSatisfaction(I, 0, inc, RP, false);
    I.apologised[0] = 1;
    const apology = claimantSatisfaction(I, 0, inc, RP, false);
    expect(template).toBeLessThan(none);
    expect(apology).toBeGreaterThan(none);
    expect(interactionalJustice(I, 0, RP)).toBe(RP.interactional.apology);
    I.denied[0] = 1;
    expect(interactionalJustice(I, 0, RP)).toBeLessThan(RP.interactional.apology);
  });

  it('a legal manoeuvre kills procedural justice', () => {
    const I = fresh();
    I.firstResponseDay[0] = inc.day;
    expect(proceduralJustice(I, 0, inc, RP, true)).toBe(1);
    expect(proceduralJustice(I, 0, inc, RP, false)).toBe(RP.fragmentedFactor);
    const before = claimantSatisfaction(I, 0, inc, RP, true);
    I.legal[0] = 1;
    expect(proceduralJustice(I, 0, inc, RP, true)).toBe(0);
    expect(claimantSatisfaction(I, 0, inc, RP, true)).toBeLessThan(before);
  });

  it('procedural justice decays with the delay of the first substantive response: exp(−delay/τ)', () => {
    const I = fresh();
    I.firstResponseDay[0] = inc.day + 3;
    expect(proceduralJustice(I, 0, inc, RP, true)).toBeCloseTo(Math.exp(-3 / RP.proceduralTauDays), 12);
    I.firstResponseDay[0] = -1;
    expect(proceduralJustice(I, 0, inc, RP, true)).toBe(0);
  });

  it('weights distributive > interactional > procedural at their best', () => {
    const w = RP.justiceWeights;
    expect(w.distributive).toBeGreaterThan(w.interactional);
    expect(w.interactional).toBeGreaterThan(w.procedural);
  });
});
