import { actOnBehaviour } from '../behaviour/actOnBehaviour';
import { updateGrievance } from '../grievance/updateGrievance';
import { updateMedia } from '../media/updateMedia';
import { collectMetrics } from '../metrics/collectMetrics';
import { applyResponses } from '../responses/applyResponses';
import { revertTrust, updateTrust } from '../trust/updateTrust';
import { spreadWordOfMouth } from '../wom/spreadWordOfMouth';
import type { CompiledRule } from './compileModel';
import { decideStrategy, type StrategyRuntime } from './decideStrategy';
import { fireScheduledEvents } from './fireScheduledEvents';
import { F_DIRTY, type World } from './World';

/** Phase 1 of the day (see SCHEDULE). */
export function beginDay(w: World, rt: StrategyRuntime): void {
  fireScheduledEvents(w, rt.strategy);
}

/** Phases 3–9 of the day, given the rules that fired in phase 2; advances the day counter. */
export function finishDay(w: World, rt: StrategyRuntime, rules: CompiledRule[]): void {
  const mech = w.model.scenario.model.mechanisms;
  applyResponses(w, rules, rt.strategy);
  // updateMedia
  if (mech.media) updateMedia(w);
  // spreadWordOfMouth
  spreadWordOfMouth(w);
  // updateTrust
  if (mech.trust) {
    const tp = w.model.scenario.model.trust;
    updateTrust(tp, w.model.facetW, w.s, w.pop, w.ev, F_DIRTY);
    if (mech.reversion)
      revertTrust(
        tp,
        w.model.facetW,
        w.s,
        w.pop,
        w.model.scenario.model.announcements.aggrievedThreshold,
        F_DIRTY,
      );
  } else clearEvidence(w);
  // updateGrievance
  if (mech.grievance) updateGrievance(w);
  // actOnBehaviour
  actOnBehaviour(w);
  // collectMetrics
  collectMetrics(w);
  w.s.day++;
}

function clearEvidence(w: World): void {
  const ev = w.ev;
  for (const a of [ev.posA, ev.posB, ev.posI, ev.negA, ev.negB, ev.negI, ev.mark]) a.fill(0);
  ev.count = 0;
}

/** step: one whole day in the order of SCHEDULE. */
export function step(w: World, rt: StrategyRuntime): void {
  beginDay(w, rt);
  const rules = decideStrategy(w, rt);
  finishDay(w, rt, rules);
}
