/**
 * Escaping for every place scenario text lands in a report. Scenario files are user input:
 * titles, labels and descriptions may hold markup, and must come out as visible text.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for an inline `<script type="application/json">` block. `<`, `>` and `&` become `\u003c`,
 * `\u003e`, `\u0026`, so `</script>` or `<!--` inside a string can never end or alter the block;
 * U+2028/U+2029 are escaped too. `JSON.parse` of the result gives back the original value.
 */
export function jsonForScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Escape text for inline Jupyter markdown (a paragraph, list item, heading, strong span or table cell),
 * escaping only what would otherwise not read as the text itself, so the source stays readable
 * ("0.51 (0.50–0.52)", "passive-firefighting", "\"quoted\""):
 * - anywhere: `*`, `_`, `` ` ``, `~`, `[`, `]`, `|` and `$` are backslash-escaped (emphasis, code,
 *   strikethrough, links, table cells, MathJax), and `(` right after `]` (a link's destination);
 *   `<` and `>` become entities (Jupyter renders raw HTML in markdown), `&` only where it would start a
 *   character reference ("&amp;quot;"), and `\` becomes `&#92;` (so no backslash of the text can escape
 *   the next character, nor open Jupyter's `\(` … `\)` maths);
 * - at the start, where the text may begin a line: a `#`, `-` or `+` (heading, list, rule) and a `1.` or
 *   `1)` followed by a space (numbered list); at the end, a `#` run after a space (a heading's closing
 *   sequence);
 * - line breaks become spaces, so the text cannot start a new block, and leading white space that
 *   would indent a code block becomes one space (HTML shows either as one space).
 * `"`, `'`, `(`, `)`, `-`, `.`, `!`, `+`, `#`, `{` and `}` elsewhere are plain text in Markdown and
 * are left as they are.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/^(?: {4,}|[ \t]*\t[ \t]*)/, ' ')
    .replace(/&(?=#\d+;|#[xX][0-9a-fA-F]+;|\w+;)/g, '&amp;')
    .replace(/[<>\\]/g, (c) => (c === '\\' ? '&#92;' : HTML_ESCAPES[c]!))
    .replace(/[`*_~[\]|$]/g, (c) => `\\${c}`)
    .replace(/\]\(/g, ']\\(')
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/(\s)#(#*\s*)$/, '$1\\#$2');
}
