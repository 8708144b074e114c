/**
 * The analytic oracles of EVIDENCE.md §(c), run through the ordinary scenario files of scenarios/validation at
 * 'test' size (the same checks `npm run validate:model` runs at 'full' size). Each check states its tolerance:
 * - stochastic oracles (O1, O2, O3, O6): 4 standard errors of the replicate mean (4·SD/√R; O6 from the Hawkes
 *   long-run variance over all replicate-days), plus for O1 and O3 the step-size error of the daily scheme;
 * - deterministic oracles (O4, O5): the 1e-4 clamp of initial trust into (0, 1) plus 1e-9.
 * A failing test prints measured, target, tolerance and its rule.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema';
import { ORACLE_CHECKS } from '../../sim/validation/index';
import { expectPass, scenariosFor } from './helpers';

let scenarios: Record<string, Scenario>;
const cache = new Map<string, unknown>();

beforeAll(async () => {
  scenarios = await scenariosFor(ORACLE_CHECKS);
});

describe('analytic oracles (test size)', () => {
  for (const check of ORACLE_CHECKS) {
    it(`${check.id}: ${check.claim}`, () => {
      expectPass(check, scenarios, cache);
    });
  }
});
