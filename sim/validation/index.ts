/**
 * Every validation check of issue 6, in report order: the analytic oracles of EVIDENCE.md §(c), then the stylized
 * facts of §(b). `runChecks` runs them with one shared cache (checks built on the same simulation run it once).
 * Browser-safe: the scenarios come in parsed (sim/io/loadValidationScenarios.ts reads them in Node).
 */
import { sf1HighTrust, sf1Ratio } from './facts/sf01Negativity';
import { sf2Ratio, sf2ResponseCorrelation, sf2ResponsibilityCorrelation } from './facts/sf02Responsibility';
import { sf3Ordering, sf3Velcro } from './facts/sf03ScctOrdering';
import {
  sf4BeatDenialAndSilence,
  sf4CompensationAtLeastApology,
  sf4Equivalence,
} from './facts/sf04Accommodative';
import {
  sf5Plateau,
  sf5SShape,
  sf5SteepestSlope,
  sf5TokenGain,
  sf5TokenVoucher,
} from './facts/sf05CompensationDose';
import { sf6CashBeatsVoucher } from './facts/sf06CashVoucher';
import { sf7NoTrustParadox, sf7Recency, sf7TwoFailures } from './facts/sf07RecoveryParadox';
import {
  sf8AvoidanceGrows,
  sf8LoyalStronger,
  sf8RevengeAboveBaseline,
  sf8RevengeDeclines,
} from './facts/sf08Grudges';
import { sf9Aggrieved, sf9PreCrisisBuffers, sf9ReactiveNoRestore, sf9Uninvolved } from './facts/sf09Csr';
import { sf10AsymmetricU, sf10BaseRate, sf10CrisisFlip } from './facts/sf10WordOfMouth';
import { sf11ComplexContagion, sf11SimpleContagion } from './facts/sf11ComplexContagion';
import { holds } from './helpers';
import { bassAdoption } from './oracles/bass';
import { hawkesRate } from './oracles/hawkes';
import { degrootPath, degrootStar, friedkinJohnsen } from './oracles/linearOpinion';
import { makiThompsonIgnorants, makiThompsonPeak, makiThompsonThree } from './oracles/makiThompson';
import { sirErdosRenyi } from './oracles/sirFinalSize';
import type { CheckOptions, CheckResult, ReportedCheck, ValidationCheck } from './types';

export type { CheckOptions, CheckResult, ReportedCheck, ValidationCheck } from './types';

export const ORACLE_CHECKS: readonly ValidationCheck[] = [
  makiThompsonIgnorants,
  makiThompsonPeak,
  makiThompsonThree,
  sirErdosRenyi,
  bassAdoption,
  degrootPath,
  degrootStar,
  friedkinJohnsen,
  hawkesRate,
];

export const FACT_CHECKS: readonly ValidationCheck[] = [
  sf1Ratio,
  sf1HighTrust,
  sf2ResponsibilityCorrelation,
  sf2ResponseCorrelation,
  sf2Ratio,
  sf3Ordering,
  sf3Velcro,
  sf4Equivalence,
  sf4BeatDenialAndSilence,
  sf4CompensationAtLeastApology,
  sf5SteepestSlope,
  sf5SShape,
  sf5TokenGain,
  sf5Plateau,
  sf5TokenVoucher,
  sf6CashBeatsVoucher,
  sf7NoTrustParadox,
  sf7TwoFailures,
  sf7Recency,
  sf8RevengeDeclines,
  sf8RevengeAboveBaseline,
  sf8AvoidanceGrows,
  sf8LoyalStronger,
  sf9Aggrieved,
  sf9Uninvolved,
  sf9PreCrisisBuffers,
  sf9ReactiveNoRestore,
  sf10BaseRate,
  sf10AsymmetricU,
  sf10CrisisFlip,
  sf11ComplexContagion,
  sf11SimpleContagion,
];

export const CHECKS: readonly ValidationCheck[] = [...ORACLE_CHECKS, ...FACT_CHECKS];

/** Scenario files (names without .yaml) the given checks need. */
export function scenariosNeeded(checks: readonly ValidationCheck[] = CHECKS): string[] {
  return [...new Set(checks.flatMap((c) => c.scenarios))].sort();
}

export interface CheckRun {
  check: ValidationCheck;
  result: CheckResult;
}

/** Run checks in order with one shared cache; `onCheck` after each (progress). */
export function runChecks(
  opts: Omit<CheckOptions, 'cache'>,
  checks: readonly ValidationCheck[] = CHECKS,
  onCheck?: (run: CheckRun, index: number, total: number) => void,
): CheckRun[] {
  const cache = new Map<string, unknown>();
  return checks.map((check, i) => {
    const result = check.run({ ...opts, cache });
    const out = { check, result };
    onCheck?.(out, i, checks.length);
    return out;
  });
}

/** The report.json entry of a check run (verdict recomputed from the numbers, so the file cannot disagree). */
export function reportEntry({ check, result }: CheckRun): ReportedCheck {
  return {
    id: check.id,
    claim: check.claim,
    source: check.source,
    kind: check.kind,
    measured: result.measured,
    target: result.target,
    tolerance: result.tolerance,
    relation: result.relation,
    toleranceRule: result.toleranceRule,
    pass: result.pass && holds(result.measured, result.target, result.tolerance, result.relation),
    ...(result.details ? { details: result.details } : {}),
  };
}
