/**
 * updateTrust on hand-made states: the commitment buffer (via addEvidence and thirdPartyFactor) attenuates
 * third-party bad news only; the deception ceiling caps integrity; a claimant is never lifted above its
 * pre-failure trust by good news; the evidence is cleared and the overall trust kept in step.
 */
import { describe, expect, it } from 'vitest';
import { createEvidence, type Evidence } from '../../sim/engine/World';
import { modelSchema } from '../../sim/scenario/schema';
import { addEvidence, thirdPartyFactor } from '../../sim/trust/addEvidence';
import {
  revertTrust,
  stepFacet,
  type TrustBaseline,
  type TrustState,
  updateTrust,
} from '../../sim/trust/updateTrust';

const P = modelSchema.parse(undefined).trust;
const W: [number, number, number] = [1 / 3, 1 / 3, 1 / 3];
const DIRTY = 8;

function state(n: number, x = 0.6): { st: TrustState; base: TrustBaseline; ev: Evidence } {
  const f = () => new Float64Array(n).fill(x);
  const st: TrustState = {
    ta: f(),
    tb: f(),
    ti: f(),
    T: f(),
    ceilI: new Float64Array(n).fill(1),
    claimantOf: new Int8Array(n).fill(-1),
    flags: new Uint8Array(n),
  };
  return { st, base: { ability0: f(), benevolence0: f(), integrity0: f() }, ev: createEvidence(n) };
}

describe('thirdPartyFactor and addEvidence', () => {
  it('the buffer multiplies third-party bad news by 1 − buffer·commitment', () => {
    expect(thirdPartyFactor(0.5, 0)).toBe(1);
    expect(thirdPartyFactor(0.5, 1)).toBe(0.5);
    expect(thirdPartyFactor(0.5, 0.6)).toBeCloseTo(0.7, 12);
  });

  it('negative parts are scaled by the factor, positive parts are not; agents are listed once', () => {
    const ev = createEvidence(3);
    addEvidence(ev, 1, -0.2, 0.3, -0.4, 0.5);
    addEvidence(ev, 1, 0.1, -0.1, 0, 0.5);
    expect(ev.count).toBe(1);
    expect(ev.touched[0]).toBe(1);
    expect(ev.negA[1]).toBeCloseTo(-0.1, 6);
    expect(ev.posA[1]).toBeCloseTo(0.1, 6);
    expect(ev.posB[1]).toBeCloseTo(0.3, 6);
    expect(ev.negB[1]).toBeCloseTo(-0.05, 6);
    expect(ev.negI[1]).toBeCloseTo(-0.2, 6);
    expect(ev.posI[1]).toBe(0);
  });
});

describe('updateTrust', () => {
  it('a committed fan loses less than an uncommitted observer to the same third-party bad news', () => {
    const { st, base, ev } = state(2);
    const commitment = [0, 1];
    for (const i of [0, 1])
      addEvidence(ev, i, -0.5, -0.5, -0.5, thirdPartyFactor(P.commitmentBuffer, commitment[i]));
    updateTrust(P, W, st, base, ev, DIRTY);
    expect(st.ta[1]).toBeGreaterThan(st.ta[0]);
    expect(st.ta[0]).toBeCloseTo(stepFacet(0.6, 0, -0.5, 4 * P.learningRate, P.lambdaPeak), 6);
    expect(st.ta[1]).toBeCloseTo(stepFacet(0.6, 0, -0.25, 4 * P.learningRate, P.lambdaPeak), 6);
  });

  it('first-hand harm (factor 1) and good news are not attenuated by commitment', () => {
    const { st, base, ev } = state(2);
    addEvidence(ev, 0, -0.5, 0.4, 0, 1);
    addEvidence(ev, 1, -0.5, 0.4, 0, 1);
    updateTrust(P, W, st, base, ev, DIRTY);
    expect(st.ta[0]).toBe(st.ta[1]);
    expect(st.tb[0]).toBe(st.tb[1]);
    expect(st.tb[0]).toBeGreaterThan(0.6);
  });

  it('the deception ceiling caps integrity however much good news arrives', () => {
    const { st, base, ev } = state(1, 0.45);
    st.ceilI[0] = 0.5;
    addEvidence(ev, 0, 5, 5, 5, 1);
    updateTrust(P, W, st, base, ev, DIRTY);
    expect(st.ti[0]).toBe(0.5);
    expect(st.ta[0]).toBeGreaterThan(0.9); // other facets are free
  });

  it('a claimant is never lifted above its pre-failure trust by good news; bad news still lowers it', () => {
    const { st, base, ev } = state(3, 0.5);
    base.ability0.fill(0.6);
    base.benevolence0.fill(0.6);
    base.integrity0.fill(0.6);
    st.claimantOf[0] = 0;
    st.claimantOf[1] = 0;
    st.ta[1] = 0.7; // above its baseline already (no good news can raise it further)
    addEvidence(ev, 0, 5, 5, 5, 1);
    addEvidence(ev, 1, 5, 0, 0, 1);
    addEvidence(ev, 2, 5, 5, 5, 1); // an observer: free to rise
    updateTrust(P, W, st, base, ev, DIRTY);
    expect(st.ta[0]).toBe(0.6);
    expect(st.tb[0]).toBe(0.6);
    expect(st.ti[0]).toBe(0.6);
    expect(st.ta[1]).toBe(0.7);
    expect(st.ta[2]).toBeGreaterThan(0.9);
    addEvidence(ev, 1, -1, 0, 0, 1);
    updateTrust(P, W, st, base, ev, DIRTY);
    expect(st.ta[1]).toBeLessThan(0.7);
  });

  it('caps each facet of a claimant at that facet’s own pre-failure level', () => {
    const { st, base, ev } = state(1, 0.5);
    base.ability0[0] = 0.55;
    base.benevolence0[0] = 0.6;
    base.integrity0[0] = 0.65;
    st.claimantOf[0] = 0;
    addEvidence(ev, 0, 5, 5, 5, 1);
    updateTrust(P, W, st, base, ev, DIRTY);
    expect([st.ta[0], st.tb[0], st.ti[0]]).toEqual([0.55, 0.6, 0.65]);
    expect(st.T[0]).toBeCloseTo((0.55 + 0.6 + 0.65) / 3, 12);
  });

  it('keeps overall trust in step, marks changed agents dirty and clears the evidence', () => {
    const n = 40;
    const { st, base, ev } = state(n);
    // More than n/8 agents touched: the linear-scan path. Then a few: the touched-list path.
    for (const touched of [[...Array(n).keys()].filter((i) => i % 2 === 0), [3, 17]]) {
      for (const i of touched) addEvidence(ev, i, -0.3, 0.2, -0.1, 0.8);
      updateTrust(P, W, st, base, ev, DIRTY);
      for (const i of touched) expect(st.flags[i] & DIRTY).toBe(DIRTY);
      for (let i = 0; i < n; i++) {
        expect(st.T[i]).toBeCloseTo((st.ta[i] + st.tb[i] + st.ti[i]) / 3, 12);
        for (const a of [ev.posA, ev.posB, ev.posI, ev.negA, ev.negB, ev.negI, ev.mark]) expect(a[i]).toBe(0);
      }
      expect(ev.count).toBe(0);
    }
    expect(st.flags[1]).toBe(0);
    // Both paths give the same result for the same evidence.
    const a = state(n);
    const b = state(n);
    for (let i = 0; i < n; i++) addEvidence(a.ev, i, -0.2, 0, 0, 1);
    updateTrust(P, W, a.st, a.base, a.ev, DIRTY);
    addEvidence(b.ev, 5, -0.2, 0, 0, 1);
    updateTrust(P, W, b.st, b.base, b.ev, DIRTY);
    expect(b.st.ta[5]).toBe(a.st.ta[5]);
  });
});

describe('revertTrust', () => {
  const AGGRIEVED = 0.5;
  const HALF = 10;
  const P10 = { ...P, reversionHalfLifeDays: HALF };
  const r = 1 - 2 ** (-1 / HALF);

  /** n agents at facets 0.4 under a pre-crisis baseline of 0.6, no grievance, no ceiling. */
  function below(n: number) {
    const { st, base } = state(n, 0.4);
    base.ability0.fill(0.6);
    base.benevolence0.fill(0.6);
    base.integrity0.fill(0.6);
    const s = { ...st, grievance: new Float32Array(n), behaviourT: new Float32Array(n).fill(0.4) };
    return { s, base };
  }

  it('moves a non-aggrieved agent a share r = 1 − 2^(−1/half-life) of the way back each day', () => {
    const { s, base } = below(1);
    revertTrust(P10, W, s, base, AGGRIEVED, DIRTY);
    const one = 0.4 + r * 0.2;
    expect(s.ta[0]).toBeCloseTo(one, 12);
    expect(s.tb[0]).toBeCloseTo(one, 12);
    expect(s.ti[0]).toBeCloseTo(one, 12);
    expect(s.T[0]).toBeCloseTo(one, 12);
    // After one half-life, half the gap is closed.
    for (let d = 1; d < HALF; d++) revertTrust(P10, W, s, base, AGGRIEVED, DIRTY);
    expect(s.ta[0]).toBeCloseTo(0.5, 10);
  });

  it('leaves aggrieved agents (grievance ≥ the threshold) where they are', () => {
    const { s, base } = below(2);
    s.grievance[0] = AGGRIEVED;
    s.grievance[1] = AGGRIEVED - 0.01;
    revertTrust(P10, W, s, base, AGGRIEVED, DIRTY);
    expect([s.ta[0], s.tb[0], s.ti[0], s.T[0]]).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(s.flags[0]).toBe(0);
    expect(s.ta[1]).toBeGreaterThan(0.4);
  });

  it('never lifts integrity above a deception ceiling, nor any facet above its baseline', () => {
    const { s, base } = below(2);
    s.ceilI[0] = 0.5;
    s.ta[1] = 0.7; // already above its baseline: stays
    for (let d = 0; d < 40 * HALF; d++) revertTrust(P10, W, s, base, AGGRIEVED, DIRTY);
    expect(s.ti[0]).toBeLessThanOrEqual(0.5);
    expect(s.ti[0]).toBeGreaterThan(0.499);
    expect(s.ta[0]).toBeGreaterThan(0.599);
    expect(s.ta[0]).toBeLessThanOrEqual(0.6);
    expect(s.ta[1]).toBe(0.7);
    expect(s.ti[1]).toBeLessThanOrEqual(0.6);
  });

  it('moves only agents more than 0.001 below a baseline, and marks dirty only a move of trust above 0.002', () => {
    const { s, base } = below(3);
    for (const b of [base.ability0, base.benevolence0, base.integrity0]) b[0] = 0.4005; // within 0.001: no move
    base.ability0[1] = 0.41; // one facet 0.01 below: moves, but T by r·0.01/3 < 0.002
    base.benevolence0[1] = 0.4;
    base.integrity0[1] = 0.4;
    revertTrust(P10, W, s, base, AGGRIEVED, DIRTY);
    expect([s.ta[0], s.tb[0], s.ti[0]]).toEqual([0.4, 0.4, 0.4]);
    expect(s.flags[0]).toBe(0);
    expect(s.ta[1]).toBeCloseTo(0.4 + r * 0.01, 12);
    expect(s.flags[1]).toBe(0);
    expect(s.flags[2] & DIRTY).toBe(DIRTY); // T moved by r·0.2 ≈ 0.013
  });
});
