/**
 * "Did you mean …?" suggestions for unknown keys, ids and symbols, by optimal-string-alignment
 * Damerau–Levenshtein distance (insertions, deletions, substitutions and transpositions of neighbours).
 */

/** Edit distance between `a` and `b`, counting a swap of two neighbouring characters as one edit. */
// Rows reused across calls (suggestions are computed for every unknown key of a file).
let rows = new Uint32Array(0);

export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  const width = n + 1;
  if (rows.length < 3 * width) rows = new Uint32Array(3 * width);
  // Three rolling rows: i-2, i-1, i, at offsets p2, p1, p0.
  let p2 = 0;
  let p1 = width;
  let p0 = 2 * width;
  for (let j = 0; j <= n; j++) rows[p1 + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[p0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(rows[p1 + j]! + 1, rows[p0 + j - 1]! + 1, rows[p1 + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, rows[p2 + j - 2]! + 1);
      }
      rows[p0 + j] = d;
    }
    const t = p2;
    p2 = p1;
    p1 = p0;
    p0 = t;
  }
  return rows[p1 + n]!;
}

/** Largest distance still worth suggesting for an input of this length: max(2, ⌊length / 3⌋). */
export function suggestionThreshold(input: string): number {
  return Math.max(2, Math.floor(input.length / 3));
}

/**
 * The candidate closest to `input` (case-insensitively) within distance max(2, ⌊|input|/3⌋), or undefined.
 * Ties go to the earlier candidate, so the answer is deterministic.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const limit = suggestionThreshold(input);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    // The distance is at least the difference in length; skipping early keeps huge inputs cheap.
    if (Math.abs(candidate.length - input.length) > limit) continue;
    const d = damerauLevenshtein(needle, candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
