/**
 * The catalogue of metrics the engine emits, with what a reader needs to see them: a label, a unit for
 * axis titles, decimals, and which direction is better. Per-incident metrics are `<metric>.<incidentId>`;
 * summary keys add `_auc` (area under the daily curve, value·days).
 */

export type MetricUnit =
  /** A share of people, 0–1 (aware, promoters). */
  | 'share'
  /** A mean level on a 0–1 scale (trust and its facets, grievance, avoidance): not a share of people. */
  | 'level'
  | 'score'
  | 'nps'
  | 'people'
  | 'people/day'
  | 'cases'
  | 'cny'
  | 'stories/day';

export interface MetricInfo {
  /** The metric name as given (may carry `.incident` or `_auc`). */
  key: string;
  /** Base metric name without incident suffix or `_auc`. */
  base: string;
  /** Short human label: "trust", "complaints per day". */
  label: string;
  unit: MetricUnit;
  /** Unit as written in axis titles: "scale 0–1", "share 0–1", "people", "¥". */
  unitText: string;
  /** Decimals of a final-day value; `_auc` values are shown to 3 significant digits instead. */
  decimals: number;
  /**
   * +1 when larger is better, −1 when smaller is better, 0 when neither. Awareness is 0 here because
   * the charts treat it as neutral (docs/metrics.md); comparisons and their table use the direction
   * summary.json gives each comparison, which counts lower awareness as better.
   */
  direction: 1 | -1 | 0;
  /** True for `_auc` keys. */
  auc: boolean;
  incident?: string;
}

interface BaseInfo {
  label: string;
  unit: MetricUnit;
  decimals: number;
  direction: 1 | -1 | 0;
}

const UNIT_TEXT: Record<MetricUnit, string> = {
  share: 'share 0–1',
  level: 'scale 0–1',
  score: 'score about −1..1.1',
  nps: 'NPS −100..100',
  people: 'people',
  'people/day': 'people per day',
  cases: 'cases',
  cny: '¥',
  'stories/day': 'stories per day',
};

/** Every metric name the engine emits, in the order reports list them. */
export const METRIC_CATALOGUE: Record<string, BaseInfo> = {
  trust: { label: 'trust', unit: 'level', decimals: 2, direction: 1 },
  trust_ability: { label: 'trust in ability', unit: 'level', decimals: 2, direction: 1 },
  trust_benevolence: { label: 'trust in benevolence', unit: 'level', decimals: 2, direction: 1 },
  trust_integrity: { label: 'trust in integrity', unit: 'level', decimals: 2, direction: 1 },
  nps: { label: 'net promoter score', unit: 'nps', decimals: 1, direction: 1 },
  aware_share: { label: 'aware of the crisis', unit: 'share', decimals: 2, direction: 0 },
  media_attention: { label: 'media attention', unit: 'stories/day', decimals: 1, direction: -1 },
  grievance: { label: 'grievance', unit: 'level', decimals: 2, direction: -1 },
  avoidance: { label: 'avoidance', unit: 'level', decimals: 2, direction: -1 },
  satisfaction: { label: 'claimants’ satisfaction', unit: 'score', decimals: 2, direction: 1 },
  promoters_share: { label: 'promoters', unit: 'share', decimals: 2, direction: 1 },
  detractors_share: { label: 'detractors', unit: 'share', decimals: 2, direction: -1 },
  trending: { label: 'incidents trending', unit: 'cases', decimals: 1, direction: -1 },
  complaints: { label: 'complaints', unit: 'people/day', decimals: 0, direction: -1 },
  wom_negative: { label: 'negative word of mouth', unit: 'people/day', decimals: 0, direction: -1 },
  wom_positive: { label: 'positive word of mouth', unit: 'people/day', decimals: 0, direction: 1 },
  rights_group_size: { label: 'rights-group members', unit: 'people', decimals: 0, direction: -1 },
  lawsuits: { label: 'lawsuits filed', unit: 'cases', decimals: 1, direction: -1 },
  churned: { label: 'customers churned', unit: 'people', decimals: 0, direction: -1 },
  purchases: { label: 'purchases', unit: 'people/day', decimals: 0, direction: 1 },
  response_cost_cny: { label: 'response cost', unit: 'cny', decimals: 0, direction: -1 },
  revenue_lost_cny: { label: 'revenue lost', unit: 'cny', decimals: 0, direction: -1 },
  clv_lost_cny: { label: 'customer lifetime value lost', unit: 'cny', decimals: 0, direction: -1 },
  value_lost_cny: {
    label: 'revenue and customer value lost',
    unit: 'cny',
    decimals: 0,
    direction: -1,
  },
  net_cny: { label: 'net result', unit: 'cny', decimals: 0, direction: 1 },
  donation_reaction_positive: {
    label: 'positive reactions to the donation',
    unit: 'people/day',
    decimals: 0,
    direction: 1,
  },
  donation_reaction_negative: {
    label: 'negative reactions to the donation',
    unit: 'people/day',
    decimals: 0,
    direction: -1,
  },
};

/** Describe a metric or summary key; unknown names get a neutral description rather than an error. */
export function describeMetric(key: string, incidentLabels: Record<string, string> = {}): MetricInfo {
  const auc = key.endsWith('_auc');
  const name = auc ? key.slice(0, -4) : key;
  const dot = name.indexOf('.');
  const base = dot >= 0 ? name.slice(0, dot) : name;
  const incident = dot >= 0 ? name.slice(dot + 1) : undefined;
  const known = METRIC_CATALOGUE[base] ?? {
    label: base.replace(/_/g, ' '),
    unit: 'people' as MetricUnit,
    decimals: 2,
    direction: 0 as const,
  };
  let label = known.label;
  if (incident !== undefined) label += ` (${incidentLabels[incident] ?? incident})`;
  let unitText = UNIT_TEXT[known.unit];
  if (auc) {
    label = `${label}, summed over days`;
    unitText =
      known.unit === 'people/day'
        ? 'person-days'
        : known.unit === 'cny'
          ? '¥·days'
          : known.unit === 'score'
            ? 'score × days'
            : `${UNIT_TEXT[known.unit]} × days`;
  } else if (
    known.unit === 'cny' ||
    base === 'churned' ||
    base === 'lawsuits' ||
    base === 'rights_group_size'
  ) {
    label = `${label}, cumulative`;
  }
  const info: MetricInfo = {
    key,
    base,
    label,
    unit: known.unit,
    unitText,
    decimals: known.decimals,
    direction: known.direction,
    auc,
  };
  if (incident !== undefined) info.incident = incident;
  return info;
}

/** Sort summary keys by catalogue order (base metric), then plain before `_auc`, then name. */
export function compareMetricKeys(a: string, b: string): number {
  const order = Object.keys(METRIC_CATALOGUE);
  const rank = (key: string) => {
    const info = describeMetric(key);
    const i = order.indexOf(info.base);
    return (i < 0 ? order.length : i) * 4 + (info.incident !== undefined ? 1 : 0) + (info.auc ? 2 : 0);
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
