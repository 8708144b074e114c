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
 * Escape text for Jupyter markdown: HTML-significant characters become entities (Jupyter renders raw
 * HTML in markdown), markdown punctuation is backslash-escaped, `$` is escaped so MathJax stays off,
 * a leading `1.` cannot start a list, and line breaks collapse to spaces so text cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~$-]/g, (c) => `\\${c}`)
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}
