/**
 * Deterministic text-width estimate from Helvetica's advance widths (Arial and Liberation Sans share
 * them). Used to stagger chart labels and, in `io/renderCharts`, as vega's text measure, so SVG layout
 * is the same on every machine whether or not it has fonts or a canvas.
 */

// Advance widths in 1/1000 em for U+0020..U+007E (Helvetica AFM).
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const OTHER: Record<string, number> = {
  '–': 556,
  '—': 1000,
  '−': 584,
  '¥': 556,
  '·': 278,
  '…': 1000,
  '×': 584,
  '←': 1000,
  '→': 1000,
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '°': 400,
  '%': 889,
};

function charWidth(code: number, ch: string): number {
  if (code >= 32 && code <= 126) return ASCII[code - 32]!;
  const known = OTHER[ch];
  if (known !== undefined) return known;
  // CJK, Hangul, full-width forms: one em.
  if (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code >= 0x20000
  )
    return 1000;
  return 556;
}

/** Width in pixels of `text` at `fontSize` px; bold text is about 6% wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!, ch);
  return (units / 1000) * fontSize * (bold ? 1.06 : 1);
}
