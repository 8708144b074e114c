/**
 * Shared by the validation tests: the validation scenarios (read once per file through the ordinary loader) and a
 * runner that holds a check at 'test' size and explains a failure with its numbers and tolerance rule.
 */
import { expect } from 'vitest';
import { loadValidationScenarios } from '../../sim/io/loadValidationScenarios';
import { compileChart } from '../../sim/io/renderCharts';
import type { Scenario } from '../../sim/scenario/schema';
import { holds } from '../../sim/validation/helpers';
import { scenariosNeeded } from '../../sim/validation/index';
import type { CheckResult, ValidationCheck } from '../../sim/validation/types';

export async function scenariosFor(checks: readonly ValidationCheck[]): Promise<Record<string, Scenario>> {
  return loadValidationScenarios(scenariosNeeded(checks));
}

/** Run a check at 'test' size and assert it passes; the message states measured, target, tolerance and its rule. */
export function expectPass(
  check: ValidationCheck,
  scenarios: Record<string, Scenario>,
  cache: Map<string, unknown>,
): CheckResult {
  const r = check.run({ size: 'test', scenarios, cache });
  const why = `${check.id}: measured ${r.measured}, target ${JSON.stringify(r.target)} (${r.relation}), tolerance ${r.tolerance} = ${r.toleranceRule}; details ${JSON.stringify(r.details ?? {})}`;
  expect(r.toleranceRule.length, `${check.id} states how its tolerance is derived`).toBeGreaterThan(10);
  expect(Number.isFinite(r.measured), why).toBe(true);
  expect(r.tolerance, why).toBeGreaterThanOrEqual(0);
  // The verdict is the relation applied to the numbers, not a separate opinion.
  expect(r.pass, why).toBe(holds(r.measured, r.target, r.tolerance, r.relation));
  expect(r.pass, why).toBe(true);
  // Its chart, if any, is a valid Vega-Lite spec that compiles without warnings.
  if (r.chart) expect(compileChart(r.chart).warnings, `${check.id} chart`).toEqual([]);
  return r;
}
