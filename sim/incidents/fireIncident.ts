import type { CompiledIncident, CompiledStrategy } from '../engine/compileModel';
import { F_RECOVERED, type World } from '../engine/World';
import { u01 } from '../rng/hash';
import { addEvidence } from '../trust/addEvidence';
import { markAware } from './becomeAware';
import { attributedResponsibility, incidentHit } from './responsibility';

/**
 * An incident breaks: unless a preventive control stops it, it becomes active with its responsibility and hit,
 * a media shock of its salience, and its claimants (capped by controls) take first-hand harm — not buffered by
 * commitment and sharpened by it ("love becomes hate", Grégoire et al. 2009) — and grievance.
 * Claimant selection uses day-independent draws, so a capped set is a subset of the uncapped one (common random numbers).
 */
export function fireIncident(w: World, inc: CompiledIncident, strategy: CompiledStrategy): void {
  const s = w.s;
  const I = s.inc;
  const k = inc.index;
  const m = w.model.scenario.model;
  if (strategy.prevent[k]) {
    I.prevented[k] = 1;
    s.markers.push({ day: s.day, label: `${inc.label} (prevented)`, kind: 'incident', incident: inc.id });
    return;
  }
  let priorActive = false;
  for (let j = 0; j < I.active.length; j++) if (j !== k && I.active[j]) priorActive = true;
  // Crisis history raises R (Velcro); a CSR history from before any dispute lowers it (halo as a shield, SF9).
  const R = Math.max(
    0,
    attributedResponsibility(inc.clusterR, w.model.historyCount > 0 || priorActive, m.incidents.velcro) -
      (s.csrHistory ? m.incidents.csrHalo : 0),
  );
  const sf = strategy.severityFactor[k];
  I.active[k] = 1;
  I.R[k] = R;
  I.hit[k] = incidentHit(
    inc.severity * sf,
    R,
    m.incidents.hitBase,
    inc.selfDisclosed,
    m.incidents.stealingThunder,
  );
  I.shock[k] += inc.salience * sf;
  s.markers.push({ day: s.day, label: inc.label, kind: 'incident', incident: inc.id });
  if (inc.claimantSegment < 0) return;
  const pop = w.pop;
  const from = pop.segStart[inc.claimantSegment];
  const to = pop.segStart[inc.claimantSegment + 1];
  const share = inc.claimantShare * strategy.capShare[k];
  const lhh = m.grievance.loveHateGain;
  const hit = I.hit[k];
  const g0base = 0.3 + 0.6 * inc.severity * sf;
  const b = m.behaviour;
  for (let i = from; i < to; i++) {
    if (u01(w.keys.claimant, 0, i, k) >= share) continue;
    if (s.claimantOf[i] < 0) {
      s.claimantOf[i] = k;
      s.claimantList.push(i);
    }
    if (s.failures[i] < 255) s.failures[i]++;
    // A new failure reopens a grievance an earlier recovery had settled (SF7: no paradox after a second failure).
    s.flags[i] &= ~F_RECOVERED;
    markAware(w, k, i);
    const c = pop.commitment[i];
    const harm = hit * (1 + lhh * c);
    addEvidence(w.ev, i, -harm * inc.mixA, -harm * inc.mixB, -harm * inc.mixI, 1);
    const g0 = Math.min(1, g0base * (1 + lhh * c));
    if (g0 > s.grievance[i]) s.grievance[i] = g0;
    s.grievance0[i] = s.grievance[i];
    I.claimants[k] += pop.weight[i];
    if (u01(w.keys.complaint, 0, i, k) < b.complainSerious) {
      const u = u01(w.keys.complaintDelay, 0, i, k);
      s.complainDay[i] = s.day + Math.floor(-Math.log(1 - u) * b.complaintDelayDays);
    }
  }
}

/**
 * Was agent i harmed by incident `inc` under `strategy`? Its first incident is kept in `claimantOf`; a later
 * incident harms the same draw-selected agents (day-independent draws, as in fireIncident), so membership is
 * recomputed rather than stored. Used so that a response to an incident reaches every claimant it harmed, not only
 * those for whom it was the first failure (SF7: each of two failures gets its own recovery).
 */
export function harmedBy(w: World, inc: CompiledIncident, strategy: CompiledStrategy, i: number): boolean {
  const c = w.s.claimantOf[i];
  if (c === inc.index) return true;
  if (c < 0 || w.pop.segment[i] !== inc.claimantSegment) return false;
  return u01(w.keys.claimant, 0, i, inc.index) < inc.claimantShare * strategy.capShare[inc.index];
}
