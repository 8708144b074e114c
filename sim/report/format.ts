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

/** Compact ¥ for chart labels: "¥9.6M", "¥350k"; `extra` decimals more than usual. */
export function formatYuanShort(value: number, extra = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}¥${formatFixed(abs / 1e9, 1 + extra)}B`;
  if (abs >= 1e6) return `${sign}¥${formatFixed(abs / 1e6, 1 + extra)}M`;
  if (abs >= 1e3) return `${sign}¥${formatFixed(abs / 1e3, extra)}k`;
  return `${sign}¥${formatFixed(abs, 0)}`;
}

/**
 * A compact ¥ interval "¥9.7M–¥9.9M" ("−¥2.6M to ¥6.4M" when an end is negative). Ends that differ but
 * would read the same get more decimals (up to 3 more) rather than reading "¥16.0M–¥16.0M".
 */
export function formatYuanShortInterval(lo: number, hi: number): string {
  let [a, b] = [formatYuanShort(lo), formatYuanShort(hi)];
  for (let extra = 1; extra <= 3 && a === b && !nearlyEqual(lo, hi); extra++) {
    [a, b] = [formatYuanShort(lo, extra), formatYuanShort(hi, extra)];
  }
  return joinInterval(lo, hi, a, b);
}

/**
 * Round to `digits` significant digits, keeping every digit before the decimal point, and drop
 * trailing zeros after it: 0.000234 → "0.00023" (2 digits), −2.113 → "−2.11", −0.23 → "−0.23",
 * 490123.7 → "490,124", 0 → "0". Below 10⁻⁶ it switches to scientific notation ("3.1e−9"). A value
 * that is not zero never shows as zero, and keeps its sign.
 */
export function formatSig(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-6) {
    const [mantissa, exponent] = abs.toExponential(digits - 1).split('e') as [string, string];
    const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return `${value < 0 ? '−' : ''}${m}e${exponent.replace('-', '−').replace('+', '')}`;
  }
  const text = formatFixed(value, sigDecimals(abs, digits));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Decimals that give `abs` (finite, > 0) `digits` significant digits, or none if it has that many before the point. */
function sigDecimals(abs: number, digits: number): number {
  const magnitude = Math.floor(Math.log10(abs));
  const decimals = Math.max(0, digits - 1 - magnitude);
  // Rounding can carry into a new leading digit (0.0999 → 0.100); one decimal fewer keeps `digits`.
  return decimals > 0 && Number(abs.toFixed(decimals)) >= 10 ** (magnitude + 1) ? decimals - 1 : decimals;
}

/**
 * Values shown together (a mean or difference and the two ends of its interval) with significant
 * digits but the same number of decimals, so that trailing zeros are not dropped from one only:
 * "0.370–0.956", not "0.37–0.956"; "0.0078 (0.0043–0.0110)". Each value gets as many decimals as
 * `formatSig` shows on the one that shows most, but at most one more than the largest value needs for
 * `digits` significant digits (none more when that one is shown without decimals: "12 (−1,544,160 to
 * 375,050)"); trailing zeros that every value then has are dropped. Exact zero reads "0", and a value
 * that would show as zero at those decimals (or is not finite) is written alone with `formatSig`, so
 * a value that is not zero never shows as zero. A single value reads as `formatSig` writes it.
 */
export function formatSigGroup(values: readonly number[], digits = 3): string[] {
  const shown = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  if (shown.length <= 1) return values.map((v) => formatSig(v, digits));
  const largest = sigDecimals(Math.max(...shown), digits);
  const most = Math.max(...shown.map((a) => (formatSig(a, digits).split('.')[1] ?? '').length));
  const decimals = Math.min(most, largest + (largest > 0 ? 1 : 0));
  const alike = values.map(
    (v) => Number.isFinite(v) && v !== 0 && !showsZero(formatFixed(v, decimals)) && Math.abs(v) >= 1e-6,
  );
  let texts = values.map((v, i) => (alike[i] ? formatFixed(v, decimals) : formatSig(v, digits)));
  const shared = texts.filter((_, i) => alike[i]);
  let drop = 0;
  while (drop < decimals && shared.every((t) => t[t.length - 1 - drop] === '0')) drop++;
  if (drop > 0) {
    const cut = drop === decimals ? drop + 1 : drop; // all decimals gone: the point too
    texts = texts.map((t, i) => (alike[i] ? t.slice(0, -cut) : t));
  }
  return texts;
}

/** True when `text` (a formatted number) shows zero: "0", "0.00", "−0.0". */
function showsZero(text: string): boolean {
  return /^[−-]?[0,]*(\.0*)?$/.test(text);
}

/**
 * Format a value of a metric in its own unit (`short`: compact ¥ for tables). Areas under the curve
 * (`_auc`) use 3 significant digits; any other value uses the metric's decimals, except that a value
 * that is not zero is never shown as zero (nor loses its sign): it falls back to 2 significant digits.
 */
export function formatMetric(value: number, info: MetricInfo, short = false): string {
  if (info.unit === 'cny') return short ? formatYuanShort(value) : formatYuan(value);
  if (info.auc) return formatSig(value, 3);
  const text = formatFixed(value, info.decimals);
  return value !== 0 && Number.isFinite(value) && showsZero(text) ? formatSig(value, 2) : text;
}

/**
 * Format values shown together (a mean or difference and its interval) alike: when any of them
 * would fall back to significant digits (a small non-zero value), all of them use 2 significant
 * digits, so "−0.0032 (−0.0078 to 0.0041)" rather than "−0.0032 (−0.01 to 0.0041)". Significant
 * digits (these, and areas under the curve) are written with the same decimals (`formatSigGroup`).
 */
export function formatMetricGroup(values: number[], info: MetricInfo, short = false): string[] {
  const plain = values.map((v) => formatMetric(v, info, short));
  if (info.unit === 'cny') return plain;
  if (info.auc) return formatSigGroup(values, 3);
  const fallback = values.some(
    (v, i) => v !== 0 && Number.isFinite(v) && plain[i] !== formatFixed(v, info.decimals),
  );
  return fallback ? formatSigGroup(values, 2) : plain;
}

/** "lo–hi" from already formatted ends; a negative end keeps its minus sign: "−0.02 to 0.05". */
export function joinInterval(lo: number, hi: number, a: string, b: string): string {
  return lo < 0 || hi < 0 ? `${a} to ${b}` : `${a}–${b}`;
}

/**
 * True when two numbers differ only by floating-point noise (a relative 10⁻⁹): interval ends summed in a
 * different order, such as a response cost that is the same in every replicate.
 */
export function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * A value (a mean or a difference) and the two ends of its interval, formatted alike
 * (`formatMetricGroup`). When the ends differ but would read the same ("0.03 (0.03–0.03)"), all three
 * use significant digits, as few as make the ends read differently (up to 6): "0.031 (0.028–0.033)",
 * so an interval with a width never reads as a single point; the three keep the same decimals
 * (`formatSigGroup`). ¥ amounts keep their own format.
 */
export function formatWithInterval(
  value: number,
  lo: number,
  hi: number,
  info: MetricInfo,
  short = false,
): [string, string, string] {
  const plain = formatMetricGroup([value, lo, hi], info, short) as [string, string, string];
  if (nearlyEqual(lo, hi) || plain[1] !== plain[2] || info.unit === 'cny') return plain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return plain;
  let texts = plain;
  for (let digits = 2; digits <= 6; digits++) {
    texts = formatSigGroup([value, lo, hi], digits) as [string, string, string];
    if (texts[1] !== texts[2]) break;
  }
  return texts;
}

/**
 * "0.10–0.14" (en dash); a negative bound keeps its minus sign: "−0.02 to 0.05". Ends that differ
 * never read the same (see `formatWithInterval`).
 */
export function formatInterval(lo: number, hi: number, info: MetricInfo, short = false): string {
  const [, a, b] = formatWithInterval(lo, lo, hi, info, short);
  return joinInterval(lo, hi, a, b);
}

/** Share 0–1 as a whole percentage: 0.923 → "92%". */
export function formatPercent(share: number): string {
  return `${formatFixed(share * 100, 0)}%`;
}

/**
 * A Vega expression that writes `ref` (an axis tick's `datum.value` by default) as compact ¥ in the
 * style of `formatYuanShort`: "¥0", "¥500k", "¥2.5M", "−¥6B". Ticks are round numbers, so trailing
 * zeros are dropped ("¥2B", not "¥2.0B"). For `labelExpr` of ¥ axes, which would otherwise read "16G".
 */
export function yuanShortExpr(ref = 'datum.value'): string {
  const abs = `abs(${ref})`;
  const scaled = (divisor: string, suffix: string) => `format(${abs} / ${divisor}, ',.3~f') + '${suffix}'`;
  return (
    `(${ref} < 0 ? '−' : '') + '¥' + ` +
    `(${abs} >= 1e9 ? ${scaled('1e9', 'B')} : ${abs} >= 1e6 ? ${scaled('1e6', 'M')} : ` +
    `${abs} >= 1e3 ? ${scaled('1e3', 'k')} : format(${abs}, ',.3~f'))`
  );
}
