import type { CompiledIncident, CompiledStrategy } from '../engine/compileModel';
import type { World } from '../engine/World';
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
  const R = attributedResponsibility(
    inc.clusterR,
    w.model.historyCount > 0 || priorActive,
    m.incidents.velcro,
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
