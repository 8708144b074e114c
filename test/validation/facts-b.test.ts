/**
 * Stylized facts SF6–SF11 of EVIDENCE.md §(b) at 'test' size, each under a common protocol (same seeds and population,
 * only the intervention varied). Tolerances come from the sample size: 4 standard errors of the per-replicate
 * statistic (4·SD/√R), paired by replicate where strategies are compared; checks on quantities that no random draw
 * enters (SF5's satisfaction curve, SF8's monotone paths) carry none beyond float rounding. Direction-only facts
 * test the sign or the ordering and say so in their claim. A failing test prints measured, target, tolerance and
 * its rule.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema';
import { FACT_CHECKS } from '../../sim/validation/index';
import { expectPass, scenariosFor } from './helpers';

const PREFIXES = ['sf06', 'sf07', 'sf08', 'sf09', 'sf10', 'sf11'];
const checks = FACT_CHECKS.filter((c) => PREFIXES.some((p) => c.id.startsWith(p)));

let scenarios: Record<string, Scenario>;
const cache = new Map<string, unknown>();

beforeAll(async () => {
  scenarios = await scenariosFor(checks);
});

describe('stylized facts SF6–SF11 (test size)', () => {
  for (const check of checks) {
    it(`${check.id}: ${check.claim}`, () => {
      expectPass(check, scenarios, cache);
    });
  }
});
