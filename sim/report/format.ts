/**
 * Number formatting for report text. Deterministic: no `toLocaleString`/`Intl`, whose output depends
 * on the machine's ICU data and locale.
 */

import type { MetricInfo } from './metrics';

/** Round to `digits` significant digits (keeps inlined chart data small and stable). */
export function roundSig(value: number, digits = 6): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** Thousands separators with commas: 1234567.8 → "1,234,567.8". */
export function groupThousands(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int, frac] = body.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Fixed decimals with grouping and a real minus sign. `-0` prints as `0`. */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(decimals);
  return groupThousands(/^-0(\.0+)?$/.test(text) ? text.slice(1) : text);
}

/** ¥ amounts: "¥9.6 million", "¥350,000", "−¥1.2 billion". */
export function formatYuan(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}¥${formatFixed(abs / 1e9, 2)} billion`;
  if (abs >= 1e6) return `${sign}¥${formatFixed(abs / 1e6, 2)} million`;
  return `${sign}¥${formatFixed(abs, 0)}`;
}

/** Compact ¥ for chart labels: "¥9.6M", "¥350k". */
export function formatYuanShort(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}¥${formatFixed(abs / 1e9, 1)}B`;
  if (abs >= 1e6) return `${sign}¥${formatFixed(abs / 1e6, 1)}M`;
  if (abs >= 1e3) return `${sign}¥${formatFixed(abs / 1e3, 0)}k`;
  return `${sign}¥${formatFixed(abs, 0)}`;
}

/** Format a value of a metric in its own unit (`short`: compact ¥ for tables). */
export function formatMetric(value: number, info: MetricInfo, short = false): string {
  if (info.unit === 'cny') return short ? formatYuanShort(value) : formatYuan(value);
  return formatFixed(value, info.decimals);
}

/** "0.10–0.14" (en dash); a negative bound keeps its minus sign: "−0.02 to 0.05". */
export function formatInterval(lo: number, hi: number, info: MetricInfo, short = false): string {
  const a = formatMetric(lo, info, short);
  const b = formatMetric(hi, info, short);
  return lo < 0 || hi < 0 ? `${a} to ${b}` : `${a}–${b}`;
}

/** Share 0–1 as a whole percentage: 0.923 → "92%". */
export function formatPercent(share: number): string {
  return `${formatFixed(share * 100, 0)}%`;
}
