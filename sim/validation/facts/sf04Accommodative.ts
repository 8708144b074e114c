/**
 * SF4, accommodative equivalence (scenarios/validation/sf04-accommodative.yaml): mean trust of the whole public on
 * day 14 after apology only, compensation only (c = 1), sympathy only, denial only and silence, paired by replicate.
 */
import { dotChart } from '../charts';
import {
  compile,
  mean,
  memo,
  override,
  round,
  scenarioOf,
  standardError,
  strategyMetric,
  verdict,
} from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

const FILE = 'sf04-accommodative';
const SIZES = { test: { replicates: 12 }, full: { replicates: 24 } };
const STRATEGIES = ['silence', 'apology', 'compensation', 'sympathy', 'denial'];
const READ_DAY = 14;

function trust(opts: CheckOptions): Array<Record<string, number>> {
  return memo(opts, FILE, () => {
    const model = compile(override(scenarioOf(opts, FILE), {}));
    return strategyMetric(model, STRATEGIES, SIZES[opts.size].replicates, (cell) => cell(READ_DAY, 'trust'));
  });
}

function chart(rows: Array<Record<string, number>>) {
  return dotChart({
    title: 'SF4: mean trust on day 14 by single response (preventable crisis)',
    rows: STRATEGIES.map((s) => ({ label: s, value: mean(rows.map((r) => r[s])) })),
    yTitle: 'mean trust, day 14',
    sort: STRATEGIES,
  });
}

export const sf4Equivalence: ValidationCheck = {
  id: 'sf04-accommodative-equivalence',
  kind: 'fact',
  claim:
    'SF4: in a preventable crisis, apology-only, compensation-only and sympathy-only end within ±10% (relative) of each other in mean trust at day 14. Measured: (largest − smallest) ÷ smallest.',
  source: 'EVIDENCE.md §b SF4† (M); Coombs & Holladay 2008',
  scenarios: [FILE],
  run(opts) {
    const rows = trust(opts);
    const spread = rows.map((r) => {
      const v = [r.apology, r.compensation, r.sympathy];
      return (Math.max(...v) - Math.min(...v)) / Math.min(...v);
    });
    return verdict({
      measured: mean(spread),
      target: 0.1,
      tolerance: 4 * standardError(spread),
      relation: 'at-most',
      toleranceRule: 'threshold raised by 4 standard errors of the per-replicate spread: 4·SD/√R',
      details: Object.fromEntries(STRATEGIES.map((s) => [`trust_${s}`, round(mean(rows.map((r) => r[s])))])),
      chart: chart(rows),
    });
  },
};

export const sf4BeatDenialAndSilence: ValidationCheck = {
  id: 'sf04-accommodative-beats-denial-and-silence',
  kind: 'fact',
  claim:
    'SF4 (direction): apology-only, compensation-only and sympathy-only each end above denial and above silence in mean trust at day 14. Measured: the smallest paired margin, min over accommodative a of T(a) − max(T(denial), T(silence)).',
  source: 'EVIDENCE.md §b SF4 (M); Coombs 2007; Coombs & Holladay 2008',
  scenarios: [FILE],
  run(opts) {
    const rows = trust(opts);
    const margins = rows.map(
      (r) => Math.min(r.apology, r.compensation, r.sympathy) - Math.max(r.denial, r.silence),
    );
    return verdict({
      measured: mean(margins),
      target: 0,
      tolerance: 4 * standardError(margins),
      relation: 'greater',
      toleranceRule: 'direction: the paired margin must exceed 4 standard errors of its replicate mean',
      details: { replicates: rows.length },
    });
  },
};

export const sf4CompensationAtLeastApology: ValidationCheck = {
  id: 'sf04-compensation-at-least-apology',
  kind: 'fact',
  claim:
    'SF4 (direction): compensation ≥ apology in mean trust at day 14 (compensation, not apology, reduces negative reactions in preventable crises). Measured: paired T(compensation) − T(apology).',
  source: 'EVIDENCE.md §b SF4 (M); Ma 2020; Fehr & Gelfand 2007',
  scenarios: [FILE],
  run(opts) {
    const rows = trust(opts);
    const d = rows.map((r) => r.compensation - r.apology);
    return verdict({
      measured: mean(d),
      target: 0,
      tolerance: 4 * standardError(d),
      relation: 'at-least',
      toleranceRule:
        'direction (≥, ties allowed): the paired difference may fall below 0 by at most 4 standard errors',
      details: { replicates: rows.length },
    });
  },
};
