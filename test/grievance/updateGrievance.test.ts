/**
 * updateGrievance: a victim's grievance is held while its incident is salient and unresolved and decays with
 * the revenge half-life (longer for the loyal) afterwards; recovered victims decay fast and their avoidance
 * falls; without recovery avoidance never falls; observers' grievance decays with its own half-life.
 */
import { describe, expect, it } from 'vitest';
import { F_DIRTY, F_RECOVERED } from '../../sim/engine/World';
import { updateGrievance } from '../../sim/grievance/updateGrievance';
import { abilityIncident, makeWorld, scenario } from '../helpers/world';

function world() {
  const t = makeWorld(
    scenario({
      population: { segments: [{ id: 'c', size: 4, agents: 4, commitment: { mean: 0.5, sd: 0 } }] },
      incidents: [abilityIncident()],
    }),
  );
  const s = t.w.s;
  s.inc.active[0] = 1;
  // Agents 0 and 1 are victims of incident 0; agent 2 is an observer; agent 3 untouched.
  for (const i of [0, 1]) {
    s.claimantOf[i] = 0;
    s.claimantList.push(i);
    s.grievance[i] = 0.8;
  }
  s.grievance[2] = 0.8;
  return t;
}

describe('updateGrievance', () => {
  it('holds a victim’s grievance while the incident is salient and unresolved, then decays it', () => {
    const { w, model } = world();
    const g = model.scenario.model.grievance;
    const salient = model.scenario.model.media.salientThreshold;
    w.s.inc.attention[0] = salient; // at the threshold: still salient
    for (let d = 0; d < 10; d++) updateGrievance(w);
    expect(w.s.grievance[0]).toBeCloseTo(0.8, 6);
    w.s.inc.attention[0] = salient * 0.99;
    const half = g.revengeHalfLifeDays * (1 + g.loveHateGain * 0.5);
    for (let d = 0; d < 10; d++) updateGrievance(w);
    expect(w.s.grievance[0]).toBeCloseTo(0.8 * 2 ** (-10 / half), 5);
  });

  it('a loyal victim’s grievance decays more slowly (love becomes hate)', () => {
    const { w } = world();
    (w.pop.commitment as Float32Array)[1] = 1;
    for (let d = 0; d < 30; d++) updateGrievance(w);
    expect(w.s.grievance[1]).toBeGreaterThan(w.s.grievance[0]);
  });

  it('a recovered victim’s grievance decays fast and its avoidance falls', () => {
    const { w, model } = world();
    const g = model.scenario.model.grievance;
    w.s.flags[1] |= F_RECOVERED;
    w.s.flags[1] &= ~F_DIRTY;
    w.s.avoidance[1] = 0.5;
    for (let d = 0; d < 10; d++) updateGrievance(w);
    const fast = 2 ** (-1 / Math.max(1, g.revengeHalfLifeDays / 8));
    expect(w.s.grievance[1]).toBeCloseTo(0.8 * fast ** 10, 5);
    expect(w.s.grievance[1]).toBeLessThan(w.s.grievance[0]);
    expect(w.s.avoidance[1]).toBeCloseTo(0.5 - 10 * g.avoidanceRecovery, 5);
    // A change of avoidance changes churn and purchase: the agent is marked for their recomputation.
    expect(w.s.flags[1] & F_DIRTY).toBe(F_DIRTY);
  });

  it('a recovered victim’s avoidance falls to 0 and stops there, never below', () => {
    const { w, model } = world();
    const g = model.scenario.model.grievance;
    expect(g.avoidanceRecovery).toBeGreaterThan(0);
    w.s.flags[1] |= F_RECOVERED;
    w.s.avoidance[1] = 0.5;
    const days = Math.ceil(0.5 / g.avoidanceRecovery) + 5;
    for (let d = 0; d < days; d++) {
      updateGrievance(w);
      expect(w.s.avoidance[1]).toBeGreaterThanOrEqual(0);
    }
    expect(w.s.avoidance[1]).toBe(0);
    // At 0 nothing changes any more: the agent is not marked again.
    w.s.flags[1] &= ~F_DIRTY;
    updateGrievance(w);
    expect(w.s.avoidance[1]).toBe(0);
    expect(w.s.flags[1] & F_DIRTY).toBe(0);
  });

  it('without recovery a victim’s avoidance never falls, salient or not, and stays ≤ 1', () => {
    const { w, model } = world();
    const salient = model.scenario.model.media.salientThreshold;
    let prev = Float32Array.from(w.s.avoidance);
    for (let d = 0; d < 400; d++) {
      w.s.inc.attention[0] = d % 7 < 3 ? 2 * salient : 0;
      updateGrievance(w);
      for (const i of [0, 1]) {
        expect(w.s.avoidance[i]).toBeGreaterThanOrEqual(prev[i]);
        expect(w.s.avoidance[i]).toBeLessThanOrEqual(1);
      }
      prev = Float32Array.from(w.s.avoidance);
    }
    expect(w.s.avoidance[0]).toBeGreaterThan(0);
  });

  it('a victim’s avoidance grows by growth · grievance · (1 + commitment) a day: faster for the formerly loyal', () => {
    const { w, model } = world();
    const g = model.scenario.model.grievance;
    w.s.inc.attention[0] = 2 * model.scenario.model.media.salientThreshold; // grievance held at 0.8
    (w.pop.commitment as Float32Array)[1] = 1;
    for (let d = 1; d <= 3; d++) {
      w.s.flags[0] &= ~F_DIRTY;
      updateGrievance(w);
      // Avoidance is stored as float32: 6 decimals.
      expect(w.s.avoidance[0]).toBeCloseTo(d * g.avoidanceGrowth * 0.8 * 1.5, 6);
      expect(w.s.avoidance[1]).toBeCloseTo(d * g.avoidanceGrowth * 0.8 * 2, 6);
      expect(w.s.flags[0] & F_DIRTY).toBe(F_DIRTY);
    }
    expect(w.s.avoidance[0]).toBeGreaterThan(0);
    expect(w.s.avoidance[2]).toBe(0); // observers do not avoid
  });

  it('observers’ grievance decays with the observer half-life, whatever the attention', () => {
    const { w, model } = world();
    const h = model.scenario.model.grievance.observerHalfLifeDays;
    w.s.inc.attention[0] = 100;
    for (let d = 0; d < h; d++) updateGrievance(w);
    expect(w.s.grievance[2]).toBeCloseTo(0.4, 4);
    expect(w.s.grievance[3]).toBe(0);
    expect(w.s.avoidance[2]).toBe(0);
  });

  it('snaps an observer’s grievance below 1e-6 to exactly 0 instead of decaying it for ever', () => {
    const { w, model } = world();
    const decay = 2 ** (-1 / model.scenario.model.grievance.observerHalfLifeDays);
    w.s.grievance[2] = 2e-6;
    w.s.grievance[3] = 0.9e-6;
    updateGrievance(w);
    expect(w.s.grievance[2]).toBeCloseTo(2e-6 * decay, 12);
    expect(w.s.grievance[2]).toBeGreaterThan(0);
    expect(w.s.grievance[3]).toBe(0);
  });
});
