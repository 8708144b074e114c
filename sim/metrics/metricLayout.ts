import type { Model } from '../engine/compileModel';

/**
 * The daily metrics, in a fixed order. Names match docs/metrics.md. Per-incident metrics are suffixed
 * with `.<incident id>`. Company-level metrics (the ¥ ledger, media, lawsuits) are reported for the
 * "all" segment only; their per-segment cells hold NaN and are left out of the tidy rows.
 */
export const BASE_METRICS = [
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'nps',
  'promoters_share',
  'detractors_share',
  'aware_share',
  'grievance',
  'avoidance',
  'satisfaction',
  'complaints',
  'wom_negative',
  'wom_positive',
  'media_attention',
  'trending',
  'rights_group_size',
  'lawsuits',
  'churned',
  'purchases',
  'donation_reaction_positive',
  'donation_reaction_negative',
  'response_cost_cny',
  'revenue_lost_cny',
  'clv_lost_cny',
  'value_lost_cny',
  'net_cny',
] as const;

export type BaseMetric = (typeof BASE_METRICS)[number];

/** Metrics computed for the whole company only (NaN in segment rows). */
export const COMPANY_METRICS: ReadonlySet<string> = new Set([
  'media_attention',
  'trending',
  'lawsuits',
  'response_cost_cny',
  'net_cny',
]);

/** Metrics where a larger value is better (for paired comparisons and ranking); the rest are "smaller is better". */
export const HIGHER_IS_BETTER: ReadonlySet<string> = new Set([
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'nps',
  'promoters_share',
  'satisfaction',
  'wom_positive',
  'purchases',
  'donation_reaction_positive',
  'net_cny',
]);

export function metricDirection(name: string): 1 | -1 {
  const base = name.replace(/_auc$/, '').split('.')[0];
  return HIGHER_IS_BETTER.has(base) ? 1 : -1;
}

export interface MetricLayout {
  names: string[];
  index: Record<string, number>;
  /** Index of aware_share.<k> and media_attention.<k> per incident. */
  awareK: number[];
  attentionK: number[];
  segments: string[];
}

export function metricLayout(model: Pick<Model, 'incidents' | 'segmentIds'>): MetricLayout {
  const names: string[] = [...BASE_METRICS];
  const awareK: number[] = [];
  const attentionK: number[] = [];
  for (const inc of model.incidents) {
    awareK.push(names.length);
    names.push(`aware_share.${inc.id}`);
    attentionK.push(names.length);
    names.push(`media_attention.${inc.id}`);
  }
  const index: Record<string, number> = {};
  names.forEach((n, i) => {
    index[n] = i;
  });
  return { names, index, awareK, attentionK, segments: ['all', ...model.segmentIds] };
}
