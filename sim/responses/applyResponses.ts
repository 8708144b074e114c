import type { CompiledRule, CompiledStrategy } from '../engine/compileModel';
import type { World } from '../engine/World';
import { applyResponse, applyStonewalling } from './applyResponse';

/**
 * applyResponses (schedule phase 3): each rule that fired today takes effect — the direct effect on claimants
 * (service recovery), the announcement effect on aware observers, the media shock and the ledger entry — and
 * then silence costs integrity for every salient incident still unanswered (stonewalling).
 */
export function applyResponses(w: World, rules: CompiledRule[], strategy: CompiledStrategy): void {
  for (const r of rules) applyResponse(w, r, strategy);
  if (w.model.scenario.model.mechanisms.stonewalling) applyStonewalling(w);
}
