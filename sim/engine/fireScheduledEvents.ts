import { fileLawsuit } from '../behaviour/actOnBehaviour';
import { applyDeceptionCeiling, becomeAware } from '../incidents/becomeAware';
import { fireIncident } from '../incidents/fireIncident';
import { u01 } from '../rng/hash';
import { addEvidence, thirdPartyFactor } from '../trust/addEvidence';
import type { CompiledEvent, CompiledSeed, CompiledStrategy } from './compileModel';
import { L_CONTROLS, L_RULINGS, type World } from './World';

/**
 * fireScheduledEvents: preventive-control costs (day 0), incidents breaking today, and external events:
 * court rulings ("guilt shown", with proven deception when the company had denied), lawsuits, hearings, news.
 */
export function fireScheduledEvents(w: World, strategy: CompiledStrategy): void {
  const s = w.s;
  const day = s.day;
  if (day === 0) s.ledger[L_CONTROLS] += strategy.controlCostCny;
  for (const inc of w.model.incidents)
    if (inc.day === day) s.ledger[L_CONTROLS] += strategy.incidentControlCostCny[inc.index];
  for (const inc of w.model.incidents) if (inc.day === day) fireIncident(w, inc, strategy);
  for (const ev of w.model.events) if (ev.day === day) fireEvent(w, ev);
  for (const sa of w.model.seedAwareness) if (sa.day === day) seedAwareness(w, sa);
}

/** Fixed initial seeds of awareness (and, for collective-action experiments, of rights-group members). */
function seedAwareness(w: World, sa: CompiledSeed): void {
  const s = w.s;
  const N = w.pop.n;
  const k = sa.incident;
  if (!s.inc.active[k]) return;
  const inc = w.model.incidents[k];
  const seed = (i: number) => {
    if (i >= N) return;
    if (s.aware[k * N + i] < 0) becomeAware(w, inc, i);
    if (sa.joinGroup) {
      if (s.claimantOf[i] < 0) {
        s.claimantOf[i] = k;
        s.claimantList.push(i);
      }
      if (s.groupJoin[i] < 0) {
        s.groupJoin[i] = s.day;
        s.inc.groupSize[k] += w.pop.weight[i];
      }
    }
  };
  for (const i of sa.agents) seed(i);
  if (sa.share > 0) for (let i = 0; i < N; i++) if (u01(w.keys.claimant, 1, i, 1000 + k) < sa.share) seed(i);
}

function fireEvent(w: World, ev: CompiledEvent): void {
  const s = w.s;
  const I = s.inc;
  const k = ev.incident;
  if (!I.active[k]) return;
  const m = w.model.scenario.model;
  const inc = w.model.incidents[k];
  if (ev.kind === 'lawsuit') {
    // Claimants whose claim was settled do not go on to file.
    if (I.resolved[k]) return;
    fileLawsuit(w, k, ev.label, false, ev.shock);
    return;
  }
  I.shock[k] += ev.shock;
  s.markers.push({
    day: s.day,
    label: ev.label,
    kind: ev.kind === 'ruling' ? 'ruling' : 'event',
    incident: inc.id,
  });
  if (ev.kind !== 'ruling' || !ev.againstCompany) return;
  // Guilt shown (Kim et al. 2004): bad news for everyone aware; a denial now reads as deception and the
  // integrity of those aware gets a ceiling below its pre-crisis level (Schweitzer et al. 2006).
  I.guilt[k] = 1;
  s.ledger[L_RULINGS] += ev.amountCny;
  // Only a denial is a lie the ruling exposes; a legal manoeuvre is not (Schweitzer et al. 2006; Kim et al. 2004).
  const deceived = I.denied[k] === 1;
  if (deceived) I.deception[k] = 1;
  const N = w.pop.n;
  const buffer = m.trust.commitmentBuffer;
  const hit = 0.5 * I.hit[k];
  const pen = deceived ? m.announcements.denialPenalty : 0;
  for (let i = 0; i < N; i++) {
    if (s.aware[k * N + i] < 0) continue;
    addEvidence(
      w.ev,
      i,
      -hit * inc.mixA,
      -hit * inc.mixB,
      -hit * inc.mixI - pen,
      thirdPartyFactor(buffer, w.pop.commitment[i]),
    );
    if (deceived) applyDeceptionCeiling(w, i);
  }
}
