import { F_DIRTY, F_RECOVERED, type World } from '../engine/World';

/**
 * updateGrievance: grievance (desire for revenge) and avoidance move (Grégoire, Tripp & Legoux 2009).
 * - A victim's grievance does not decay while its incident stays salient and unresolved (silence, or an
 *   answer below expectation: "grievance stays"); after the news cycle it decays with the revenge half-life,
 *   longer for formerly loyal victims ("love becomes hate"), and fast once the recovery satisfied them.
 * - A victim's avoidance grows with grievance until recovery (faster for the formerly loyal) and only falls after it.
 * - Observers' grievance (anger at the company) decays with its own, shorter half-life.
 */
export function updateGrievance(w: World): void {
  decayObserverGrievance(
    w.s.grievance,
    w.s.claimantOf,
    2 ** (-1 / w.model.scenario.model.grievance.observerHalfLifeDays),
  );
  updateVictims(w);
}

function decayObserverGrievance(grievance: Float32Array, claimantOf: Int8Array, decay: number): void {
  const n = grievance.length;
  for (let i = 0; i < n; i++) {
    const gi = grievance[i];
    if (gi > 0 && claimantOf[i] < 0) grievance[i] = gi < 1e-6 ? 0 : gi * decay;
  }
}

function updateVictims(w: World): void {
  const s = w.s;
  const I = s.inc;
  const g = w.model.scenario.model.grievance;
  const salientAt = w.model.scenario.model.media.salientThreshold;
  const commitment = w.pop.commitment;
  const recoveredDecay = 2 ** (-1 / Math.max(1, g.revengeHalfLifeDays / 8));
  const list = s.claimantList;
  for (let t = 0; t < list.length; t++) {
    const i = list[t];
    const k = s.claimantOf[i];
    const gi = s.grievance[i];
    const c = commitment[i];
    if (s.flags[i] & F_RECOVERED) {
      s.grievance[i] = gi * recoveredDecay;
      if (s.avoidance[i] > 0) {
        s.avoidance[i] = Math.max(0, s.avoidance[i] - g.avoidanceRecovery);
        s.flags[i] |= F_DIRTY;
      }
      continue;
    }
    // Unresolved and still in the news: the grievance is held (silence and an unsatisfying answer alike).
    const held = I.attention[k] >= salientAt;
    if (!held && gi > 0) {
      const half = g.revengeHalfLifeDays * (1 + g.loveHateGain * c);
      s.grievance[i] = gi * 2 ** (-1 / half);
    }
    if (gi > 0) {
      const a = s.avoidance[i] + g.avoidanceGrowth * gi * (1 + c);
      s.avoidance[i] = a > 1 ? 1 : a;
      s.flags[i] |= F_DIRTY;
    }
  }
}
