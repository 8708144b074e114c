/**
 * The shape of a validation check (issue 6): a claim from the literature or an analytic result, its source,
 * and a run that measures the simulator against it. Browser-safe and pure: checks take their scenarios as
 * parsed objects (sim/io/loadValidationScenarios.ts reads scenarios/validation/*.yaml in Node) and draw all
 * randomness from the engine's seeded streams.
 */
import type { ChartSpec } from '../report/types';
import type { Scenario } from '../scenario/schema';

/** 'test' keeps the whole suite fast (npm test); 'full' is what `npm run validate:model` runs. */
export type CheckSize = 'test' | 'full';

/**
 * How `measured` is held against `target`:
 * - `equal`: |measured − target| ≤ tolerance;
 * - `within`: target[0] − tolerance ≤ measured ≤ target[1] + tolerance;
 * - `at-least`: measured ≥ target − tolerance;
 * - `at-most`: measured ≤ target + tolerance;
 * - `greater`: measured > target + tolerance (a strict direction: the effect must clear its noise band).
 */
export type Relation = 'equal' | 'within' | 'at-least' | 'at-most' | 'greater';

export interface CheckOptions {
  size: CheckSize;
  /** Scenario files of scenarios/validation, parsed, keyed by file name without extension. */
  scenarios: Readonly<Record<string, Scenario>>;
  /** Shared by the checks of one validation run, so checks built on the same simulation run it once. */
  cache?: Map<string, unknown>;
}

export interface CheckResult {
  measured: number;
  target: number | [number, number];
  tolerance: number;
  relation: Relation;
  pass: boolean;
  /** How the tolerance was derived (formula and sample size). */
  toleranceRule: string;
  /** Sub-measurements worth reporting (sample sizes, components, seeds). */
  details?: Record<string, number | string | boolean | number[]>;
  chart?: ChartSpec;
}

export interface ValidationCheck {
  /** kebab-case, stable: the report and tests refer to it. */
  id: string;
  /** The claim, phrased as the test the simulator must pass. Direction-only claims say so. */
  claim: string;
  /** Where the claim comes from: EVIDENCE.md section and the literature. */
  source: string;
  /** `oracle` (exact mathematics) or `fact` (a stylized fact from the literature). */
  kind: 'oracle' | 'fact';
  /** Scenario files (scenarios/validation/<name>.yaml) the check runs. */
  scenarios: string[];
  run(opts: CheckOptions): CheckResult;
}

/** One entry of validation/report.json. */
export interface ReportedCheck {
  id: string;
  claim: string;
  source: string;
  kind: 'oracle' | 'fact';
  measured: number;
  target: number | [number, number];
  tolerance: number;
  relation: Relation;
  toleranceRule: string;
  pass: boolean;
  details?: CheckResult['details'];
}
