import type { CompiledIncident } from '../engine/compileModel';
import type { World } from '../engine/World';
import { addEvidence, thirdPartyFactor } from '../trust/addEvidence';

/** Awareness never un-happens: records the day, starts spreading, and keeps the real-people counts. */
export function markAware(w: World, k: number, i: number): void {
  const s = w.s;
  const N = w.pop.n;
  if (s.aware[k * N + i] >= 0) return;
  s.aware[k * N + i] = s.day;
  s.spreading[k * N + i] = 1;
  const sg = w.pop.segment[i];
  const wt = w.pop.weight[i];
  s.awareW[k * w.pop.segments + sg] += wt;
  if (s.awareAny[i] === 0) {
    s.awareAny[i] = 1;
    s.awareAnyW[sg] += wt;
  }
}

/**
 * Share of an incident's hit that the company's handling so far (0–1) spares an observer who learns of it late:
 * h = hit·(1 − HANDLING_DISCOUNT·handling). An assumption (grade A), calibrated to 0.3 (was 0.5) so that in the
 * natural protocol of validation check SF2 attributed responsibility dominates the response about 2:1 in
 * correlation with reputation, as Ma & Zhan 2016 report (r = −.54 vs .23); at 0.5 the response's reach through
 * late joiners made the two about equal (ratio 1.4).
 */
export const HANDLING_DISCOUNT = 0.3;

/**
 * An observer learns of incident k (through media or word of mouth): third-party bad news on the violated
 * facets, attenuated by commitment and discounted by how well the company has handled it so far; anger in
 * proportion to responsibility (Coombs & Holladay 2007). The agent starts spreading the news.
 */
export function becomeAware(w: World, inc: CompiledIncident, i: number): void {
  const s = w.s;
  markAware(w, inc.index, i);
  const k = inc.index;
  const m = w.model.scenario.model;
  const h = s.inc.hit[k] * (1 - HANDLING_DISCOUNT * s.inc.handling[k]);
  const f = thirdPartyFactor(m.trust.commitmentBuffer, w.pop.commitment[i]);
  addEvidence(w.ev, i, -h * inc.mixA, -h * inc.mixB, -h * inc.mixI, f);
  const g = s.grievance[i] + m.grievance.observerAnger * h * s.inc.R[k] * f;
  s.grievance[i] = g > 1 ? 1 : g;
  if (s.inc.deception[k]) applyDeceptionCeiling(w, i);
}

/** Proven deception caps the agent's integrity below its pre-crisis level (Schweitzer et al. 2006). */
export function applyDeceptionCeiling(w: World, i: number): void {
  const s = w.s;
  const c = w.model.scenario.model.trust.deceptionCeiling * w.pop.integrity0[i];
  if (c < s.ceilI[i]) s.ceilI[i] = c;
  if (s.ti[i] > s.ceilI[i]) {
    s.ti[i] = s.ceilI[i];
    const f = w.model.facetW;
    s.T[i] = f[0] * s.ta[i] + f[1] * s.tb[i] + f[2] * s.ti[i];
  }
}
