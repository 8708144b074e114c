import { ACTION, type CompiledRule, type CompiledStrategy } from '../engine/compileModel';
import type { World } from '../engine/World';
import { applyResponse, applyStonewalling } from './applyResponse';

/**
 * applyResponses (schedule phase 3): each rule that fired today takes effect — the direct effect on claimants
 * (service recovery), the announcement effect on aware observers, the media shock and the ledger entry — and
 * then silence costs integrity for every salient incident still unanswered (stonewalling).
 */
export function applyResponses(w: World, rules: CompiledRule[], strategy: CompiledStrategy): void {
  // The same announcement (kind and label) twice on one day: the second is drawn apart from the first (repeat 1),
  // not given the first one's audience. Today's rules, in order, are in the decision signature, so is this.
  let announced: Map<number, number> | undefined;
  for (const r of rules) {
    let repeat = 0;
    if (r.action === ACTION.donation || r.action === ACTION['good-news']) {
      announced ??= new Map();
      repeat = announced.get(r.drawKey) ?? 0;
      announced.set(r.drawKey, repeat + 1);
    }
    applyResponse(w, r, strategy, repeat);
  }
  if (w.model.scenario.model.mechanisms.stonewalling) applyStonewalling(w);
}
