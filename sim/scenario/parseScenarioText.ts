/**
 * Scenario text (YAML, or JSON as a YAML subset) → a validated Scenario, or every problem found, each at
 * file:line:col. Browser-safe: no file system; sim/io/loadScenario.ts adds the Node side.
 *
 * Phases, each reporting all of its problems:
 *  1. guards: size ≤ 10 MB, no binary junk (NUL, control characters, invalid UTF-8);
 *  2. YAML syntax (with duplicate keys, tabs, multiple documents); syntax errors stop here, since a broken
 *     tree would only give misleading follow-up errors. A look-alike character near an error (a full-width
 *     colon or comma, a tab or full-width space in the indentation, a curly quote) is reported at its own
 *     place instead, and what YAML said only because of it is dropped (explainSyntax). A line out of place (a key
 *     indented one space off, a list and a map mixed under one key) is reported alone, without YAML's complaints
 *     about the lines below it in the same block (dropFollowUps);
 *  3. structure guards: nesting depth ≤ 64, alias expansion ≤ 100 (“billion laughs”), a map at the top;
 *  4. format version and migration (notes become warnings);
 *  5. schema (zod) and semantic checks (check.ts), together;
 *  6. the memory estimate and the edge-list file.
 * Errors and warnings are each sorted by line and column.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  parseDocument,
  type Scalar,
  visit,
  type YAMLError,
  type Node as YamlNode,
} from 'yaml';
import { checkScenario } from './check';
import {
  compareDiagnostics,
  type Diagnostic,
  formatPath,
  type PathSegment,
  type Problem,
  zodIssueToProblems,
} from './diagnostics';
import { checkMemory, estimateMemory, formatBytes } from './estimateMemory';
import { LEGACY_KEY_NAMES, MigrationError, migrate } from './migrate';
import { type Scenario, scenarioSchema } from './schema';

export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 64;
export const MAX_ALIAS_COUNT = 100;
/** At most this many maps, lists and values: the YAML parser needs about 5 µs each, and a scenario a few
 * thousand (100 000 seed agent ids is the largest legitimate use). */
export const MAX_VALUES = 250_000;
/** At most this many lines (comments included). */
export const MAX_LINES = 250_000;
/** At most this many errors are listed (then a count of the rest). */
export const MAX_DIAGNOSTICS = 100;
/** The YAML parser recurses per level; text nested deeper than this is refused before parsing. */
const PRESCAN_DEPTH = 500;

export interface ParseOptions {
  /** Bytes of memory available; when given, a scenario estimated above 70 % of it is an error. */
  availableBytes?: number;
  /** The --scale the run will use (for the memory estimate). Default 1. */
  scale?: number;
  /** Default 10 MB. */
  maxBytes?: number;
  /** Default 64. */
  maxDepth?: number;
  /** Default 100. */
  maxAliasCount?: number;
  /** Whether a path relative to the scenario file exists (edge-list `network.file`); skipped when absent. */
  fileExists?: (relativePath: string) => boolean;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const SYNTAX_PATH = '(syntax)';

/** Line and column (1-based) of an offset, without a LineCounter (used before YAML parsing). */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** The first character that cannot be in a YAML text file (YAML 1.2 "printable"), if any. */
export function findBinaryJunk(text: string): { offset: number; message: string; hint: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    let bad: string | undefined;
    if (c === 0) bad = 'a NUL byte (0x00)';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== 0x85))
      bad = `control character U+${hex(c)}`;
    else if (c === 0xfffd) bad = 'invalid UTF-8 (a byte sequence decoded as U+FFFD)';
    else if (c === 0xfffe || c === 0xffff) bad = `non-character U+${hex(c)}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = `unpaired surrogate U+${hex(c)}`;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = `unpaired surrogate U+${hex(c)}`;
    if (bad) {
      return {
        offset: i,
        message: `${bad}: this does not look like a text scenario file`,
        hint: c === 0xfffd ? 'save the file as UTF-8' : 'a scenario is YAML or JSON text saved as UTF-8',
      };
    }
  }
  return undefined;
}

const YAML_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'each key may appear once in a map: remove or merge the duplicate',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'a scenario file holds one YAML document: remove the extra `---`',
  BAD_INDENT: 'check the indentation: items of one map or list start in the same column',
  MISSING_CHAR: 'a bracket or quote is not closed',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a quote or bracket left open above?',
  BLOCK_AS_IMPLICIT_KEY: 'is a `:` missing, or a value indented too far?',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined before it',
  KEY_OVER_1024_CHARS: 'keys are short names like `title`',
};

/**
 * Offset of the last `open` bracket (`{` or `[`) before `upTo` that no matching bracket closes, outside quoted
 * scalars and comments; undefined when there is none. Quotes count only where a scalar starts (after `: `, `- `,
 * `[`, `{`, `,` or at a line's start), so an apostrophe inside plain text does not open a string.
 */
export function unclosedFlowBracket(text: string, upTo: number, open: '{' | '['): number | undefined {
  const stack = scanFlow(text, upTo);
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.ch === open) return stack[k]!.at;
  return undefined;
}

/**
 * The flow brackets (`{`, `[`) still open at `upTo`, outermost first (see unclosedFlowBracket). `atLineStart` is
 * told the offset of every line start outside quoted scalars, with how many brackets are open there.
 */
function scanFlow(
  text: string,
  upTo: number,
  atLineStart?: (offset: number, depth: number) => void,
): Array<{ ch: string; at: number }> & { unclosedQuote?: number } {
  const stack: Array<{ ch: string; at: number }> & { unclosedQuote?: number } = [];
  let unclosedQuote: number | undefined;
  let scalarStart = true;
  atLineStart?.(0, 0);
  for (let i = 0; i < Math.min(upTo, text.length); i++) {
    const c = text[i];
    if (c === '\n') {
      scalarStart = true;
      atLineStart?.(i + 1, stack.length);
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
      continue;
    }
    if ((c === '"' || c === "'") && scalarStart) {
      // Skip the quoted scalar ('' escapes a single quote, \" a double one).
      const opened = i;
      for (i++; i < text.length; i++) {
        if (c === "'" && text[i] === "'" && text[i + 1] === "'") i++;
        else if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) break;
      }
      if (i >= Math.min(upTo, text.length)) unclosedQuote = opened;
      scalarStart = false;
      continue;
    }
    if (c === '{' || c === '[') stack.push({ ch: c, at: i });
    else if (c === '}' || c === ']') {
      const want = c === '}' ? '{' : '[';
      if (stack.length > 0 && stack[stack.length - 1]!.ch === want) stack.pop();
    }
    if (c === ' ' || c === '\t') continue;
    scalarStart = c === ':' || c === '-' || c === '[' || c === '{' || c === ',';
  }
  if (unclosedQuote !== undefined) stack.unclosedQuote = unclosedQuote;
  return stack;
}

/** Offset of the quote that opens a quoted scalar still open at `upTo` (see unclosedFlowBracket), if any. */
export function unclosedQuote(text: string, upTo: number): number | undefined {
  return scanFlow(text, upTo).unclosedQuote;
}

/**
 * In a JSON file (or YAML written as one flow collection) with more brackets opened than closed: the bracket left
 * open, and where its closing bracket belongs. YAML only says so where the text ends ("Flow map must end with a }"),
 * or with follow-up errors at the next key. In a file laid out one item per line, the bracket is the one that
 * ends a line and is not matched, at its own indentation, by the next line indented no further (the line
 * where its items stop); otherwise it is the innermost bracket the scan leaves open.
 */
export function unclosedJsonBracket(
  text: string,
): { offset: number; open: string; close: string; afterLine?: number; comma: boolean } | undefined {
  if (!/^\s*[{[]/.test(text.replace(/^(\s*#.*\n)*/, ''))) return undefined;
  const stack = scanFlow(text, text.length);
  if (stack.length === 0 || stack.unclosedQuote !== undefined) return undefined;
  // One pass over the lines: the brackets that end a line wait, innermost last, for the next line indented no
  // further than they are; that line must start with the closing bracket at the same indentation.
  const pending: Array<{ offset: number; open: string; indent: number }> = [];
  let lastLine = 0; // the last non-blank line so far (1-based)
  const settle = (indent: number, line: string | undefined) => {
    while (pending.length > 0 && pending[pending.length - 1]!.indent >= indent) {
      const p = pending.pop()!;
      const close = p.open === '{' ? '}' : ']';
      const rest = line?.trimStart();
      if (rest !== undefined && p.indent === indent && rest.startsWith(close)) continue;
      return {
        offset: p.offset,
        open: p.open,
        close,
        afterLine: lastLine,
        comma: rest !== undefined && !/^[}\]]/.test(rest),
      };
    }
    return undefined;
  };
  let at = 0;
  for (let n = 1; at <= text.length; n++) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    let i = at;
    while (i < eol && (text[i] === ' ' || text[i] === '\t')) i++;
    let end = eol;
    while (end > i && /\s/.test(text[end - 1]!)) end--;
    if (end > i) {
      const found = settle(i - at, text.slice(i, Math.min(end, i + 2)));
      if (found) return found;
      const last = text[end - 1];
      if (last === '{' || last === '[') pending.push({ offset: end - 1, open: last, indent: i - at });
      lastLine = n;
    }
    at = eol + 1;
  }
  const found = settle(-1, undefined);
  if (found) return found;
  const inner = stack[stack.length - 1]!;
  return { offset: inner.at, open: inner.ch, close: inner.ch === '{' ? '}' : ']', comma: false };
}

/** A character that looks like YAML syntax to a person but is not, found where it breaks the YAML. */
export interface Lookalike {
  offset: number;
  message: string;
  hint: string;
  /**
   * How to mend this mistake, as far as it can be guessed: replacements of text[from, to) in the text it was found
   * in (same length, except for an indentation). The edits of all look-alikes found together do not overlap, so
   * they are applied at once (applyEdits), in one pass over the text.
   */
  edits: TextEdit[];
}

/** Replace text[from, to) by `by`. */
export interface TextEdit {
  from: number;
  to: number;
  by: string;
}

/** The text with the edits applied (in any order; one overlapping an earlier one is skipped), in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from || a.to - b.to)) {
    if (e.from < at) continue;
    parts.push(text.slice(at, e.from), e.by);
    at = e.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const LOOKALIKE_SPACES: Record<string, string> = {
  '\u3000': 'a full-width space (U+3000)',
  '\u00a0': 'a non-breaking space (U+00A0)',
};
/** Dashes and bullets a word processor or an input method puts where a list entry's "-" was meant. */
const LOOKALIKE_DASHES: Record<string, string> = {
  '\u2013': 'an en dash "–"',
  '\u2014': 'an em dash "—"',
  '\u2212': 'a minus sign "−"',
  '\u2010': 'a hyphen "‐" (U+2010)',
  '\uff0d': 'a full-width hyphen "－"',
  '\u2022': 'a bullet "•"',
};
const SMART_QUOTES: Record<string, { name: string; plain: string; close: RegExp }> = {
  '\u201c': { name: 'a curly quote “', plain: '"', close: /[\u201c\u201d]/ },
  '\u201d': { name: 'a curly quote ”', plain: '"', close: /[\u201c\u201d]/ },
  '\u2018': { name: 'a curly quote ‘', plain: "'", close: /[\u2018\u2019]/ },
  '\u2019': { name: 'a curly quote ’', plain: "'", close: /[\u2018\u2019]/ },
};

/**
 * Characters on the given lines (1-based) that look like YAML syntax but are not: a full-width colon
 * "：" after a key or a full-width comma "，" in a flow collection (Chinese input methods type both), a
 * full-width or non-breaking space or a tab in the indentation, and a curly quote opening a value. Only
 * called when YAML reported a syntax error nearby: each of them is legal elsewhere (inside a label, say).
 */
export function findLookalikes(text: string, lines: ReadonlySet<number>): Lookalike[] {
  if (lines.size === 0) return [];
  const last = Math.max(...lines);
  // Line starts (outside quoted scalars) and whether a flow collection is open there, in one pass.
  const flowAt = new Map<number, boolean>();
  let end = 0;
  for (let n = 1; n <= last && end >= 0; n++) end = text.indexOf('\n', end + (n > 1 ? 1 : 0));
  scanFlow(text, end < 0 ? text.length : end, (offset, depth) => flowAt.set(offset, depth > 0));
  const found: Lookalike[] = [];
  let lineNo = 1;
  let pos = 0;
  while (pos <= text.length && lineNo <= last) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const inFlow = flowAt.get(pos);
    if (lines.has(lineNo) && inFlow !== undefined) scanLineForLookalikes(text, pos, eol, inFlow, found);
    pos = eol + 1;
    lineNo++;
  }
  return found;
}

function scanLineForLookalikes(
  text: string,
  start: number,
  eol: number,
  inFlow: boolean,
  found: Lookalike[],
): void {
  // The indentation, and after each "- " the item's own indentation.
  let i = start;
  let reported = false; // one problem per line's indentation
  for (;;) {
    while (i < eol && (text[i] === ' ' || text[i] === '\t' || LOOKALIKE_SPACES[text[i]!])) {
      const c = text[i]!;
      if (LOOKALIKE_SPACES[c] && !reported) {
        reported = true;
        found.push({
          offset: i,
          message: `${LOOKALIKE_SPACES[c]} in the indentation`,
          hint: 'indent with ordinary spaces only; retype this line’s indentation',
          edits: [mendIndentation(text, start)],
        });
      } else if (c === '\t' && !reported && !inFlow) {
        // Tabs are fine between flow items (JSON written with tabs); in block indentation they are not.
        reported = true;
        {
          const at = i;
          found.push({
            offset: at,
            message: 'Tabs are not allowed as indentation',
            hint: 'indent with spaces, not tabs: replace the tab by spaces (an editor may show a tab as spaces)',
            edits: [mendIndentation(text, start)],
          });
        }
      }
      i++;
    }
    if (i + 1 < eol && text[i] === '-' && (text[i + 1] === ' ' || LOOKALIKE_SPACES[text[i + 1]!])) {
      i++;
      continue;
    }
    const dash = LOOKALIKE_DASHES[text[i]!];
    if (dash && i + 1 < eol && (text[i + 1] === ' ' || LOOKALIKE_SPACES[text[i + 1]!])) {
      found.push({
        offset: i,
        message: `${dash} starts this list entry`,
        hint: 'start a list entry with the ordinary hyphen "-" followed by a space (a word processor may have turned it into a dash)',
        edits: [{ from: i, to: i + 1, by: '-' }],
      });
      i++;
      continue;
    }
    break;
  }
  if (i >= eol || text[i] === '#') return;
  // The rest of the line: quotes, comments, brackets.
  let quote: string | undefined;
  let depth = inFlow ? 1 : 0;
  let valueStart = true; // where a scalar may start: after "key: ", "- ", "[", "{", ","
  let keyStart = i; // where the current plain key began
  for (let j = i; j < eol; j++) {
    const c = text[j]!;
    if (quote) {
      if (quote === '"' && c === '\\') j++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (j === start || /\s/.test(text[j - 1]!))) return;
    if ((c === '"' || c === "'") && valueStart) {
      quote = c;
      valueStart = false;
      continue;
    }
    const smart = SMART_QUOTES[c];
    if (smart && valueStart) {
      const at = j;
      const rest = text.slice(j + 1, eol);
      const m = smart.close.exec(rest);
      const closeAt = m ? j + 1 + m.index : undefined;
      found.push({
        offset: at,
        message: `${smart.name} starts this value: YAML reads it as an ordinary character`,
        hint: `quote with straight quotes ${smart.plain}…${smart.plain}, or write the value without quotes`,
        edits: [
          { from: at, to: at + 1, by: smart.plain },
          ...(closeAt !== undefined ? [{ from: closeAt, to: closeAt + 1, by: smart.plain }] : []),
        ],
      });
      valueStart = false;
      if (closeAt !== undefined) j = closeAt;
      continue;
    }
    if (c === '\uff1a' && /^[A-Za-z_$][\w$-]*[ \u3000]*$/.test(text.slice(keyStart, j))) {
      const at = j;
      found.push({
        offset: at,
        message: 'a full-width colon "：" after a key',
        hint: 'use the ordinary colon ":" followed by a space (switch the input method to half-width)',
        edits: [{ from: at, to: at + 1, by: ':' }],
      });
      valueStart = true;
      continue;
    }
    if (c === '\uff0c' && depth > 0) {
      const at = j;
      found.push({
        offset: at,
        message: 'a full-width comma "，" between items',
        hint: 'use the ordinary comma "," (switch the input method to half-width)',
        edits: [{ from: at, to: at + 1, by: ',' }],
      });
      valueStart = true;
      keyStart = j + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\u3000') {
      if (valueStart && keyStart === j) keyStart = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      valueStart = true;
      keyStart = j + 1;
    } else if (c === '}' || c === ']') {
      if (depth > 0) depth--;
      valueStart = false;
    } else if (c === ',' && depth > 0) {
      valueStart = true;
      keyStart = j + 1;
    } else if (c === ':' && (j + 1 >= eol || /\s/.test(text[j + 1]!))) {
      valueStart = true;
      keyStart = eol;
    } else {
      valueStart = false;
    }
  }
}

/**
 * The edit that replaces the indentation (tabs and spaces) of the line starting at `lineStart` by a guess of
 * what was meant: the previous non-blank line's indentation, or its content's column after "- " or after a key
 * that opens a block (a line ending in ":").
 */
function mendIndentation(text: string, lineStart: number): TextEdit {
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || LOOKALIKE_SPACES[text[end]!]))
    end++;
  let width = 0;
  let p = lineStart - 1;
  while (p > 0) {
    const prevStart = text.lastIndexOf('\n', p - 1) + 1;
    const line = text.slice(prevStart, p).replace(/\r$/, '');
    p = prevStart - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^( *)((?:- +)*)/.exec(line)!;
    width = m[1]!.length + m[2]!.length;
    if (/:\s*(#.*)?$/.test(line)) width += 2;
    break;
  }
  return { from: lineStart, to: end, by: ' '.repeat(width) };
}

function yamlErrorMessage(e: YAMLError): { message: string; hint?: string } {
  // YAML quotes the token it stopped at, which may be a whole paragraph of prose: quote its start only.
  const first = e.message
    .replace(/ at line \d+, column \d+:?[\s\S]*$/, '')
    .trim()
    .replace(/: ("(?:[^"\\]|\\.){60})(?:[^"\\]|\\.)+"$/, ': $1…"');
  if (/Maximum call stack/i.test(first)) {
    return {
      message: `nesting is too deep (at most ${MAX_NESTING_DEPTH} levels)`,
      hint: 'a scenario is a few levels of maps and lists',
    };
  }
  let hint = YAML_HINTS[e.code];
  if (e.code === 'MISSING_CHAR' && /Missing ,/.test(first)) hint = 'add a comma between the items';
  return hint ? { message: `YAML: ${first}`, hint } : { message: `YAML: ${first}` };
}

interface Located {
  node: YamlNode | null;
  key: YamlNode | null;
  /** Segments of the path that were found. */
  depth: number;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

const pairIndexes = new WeakMap<object, Map<string, Pair>>();

/** Key → pair of a map, built once per map (locating thousands of problems stays linear). */
function pairIndex(map: { items: Pair[] }): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      const k = keyText(p.key);
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/** Walk the YAML tree along a data path; legacy key names (migration) are tried when a key is absent. */
function locate(doc: Document, path: readonly PathSegment[], legacy: boolean): Located {
  let node = doc.contents as YamlNode | null;
  let key: YamlNode | null = null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    for (let guard = 0; guard < 100 && node && isAlias(node); guard++) {
      node = (node.resolve(doc) as YamlNode | undefined) ?? null;
    }
    if (node && isMap(node)) {
      const want = String(seg);
      const index = pairIndex(node);
      let pair = index.get(want);
      const old = LEGACY_KEY_NAMES[want];
      if (!pair && legacy && old) pair = index.get(old);
      if (!pair) return { node, key, depth: i };
      key = (pair.key as YamlNode | null) ?? null;
      node = (pair.value as YamlNode | null) ?? null;
    } else if (node && isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) return { node, key, depth: i };
      key = null;
      node = isPair(item) ? ((item.value as YamlNode | null) ?? null) : item;
    } else {
      return { node, key, depth: i };
    }
  }
  return { node, key, depth: path.length };
}

function startOf(n: YamlNode | null | undefined): number | undefined {
  return n?.range ? n.range[0] : undefined;
}

/** Source offset of character `offset` of a scalar's value, for plain, quoted and block scalars. */
export function scalarCharOffset(text: string, scalar: Scalar, offset: number): number {
  const [start, valueEnd] = scalar.range!;
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.source ?? '');
  let i = start;
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') i = start + 1;
  else if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') {
    const nl = text.indexOf('\n', start);
    i = nl >= 0 && nl < valueEnd ? nl + 1 : start;
  }
  // Greedy alignment of the value's characters to the source: the source has the same characters in the
  // same order, plus quotes, escapes, indentation and folded line breaks.
  const target = Math.max(0, Math.min(offset, value.length));
  for (let k = 0; k <= target && k < value.length; k++) {
    const ch = value[k]!;
    let j = i;
    while (j < valueEnd && text[j] !== ch) {
      // A folded line break in the value is a space or newline in the source.
      if ((ch === ' ' || ch === '\n') && (text[j] === '\n' || text[j] === '\r')) break;
      j++;
    }
    if (j < valueEnd) {
      if (k === target) return j;
      i = j + 1;
    } else if (k === target) return Math.min(i, valueEnd);
  }
  return Math.min(i, Math.max(start, valueEnd));
}

function offsetOf(doc: Document, text: string, p: Problem, legacy: boolean): number {
  if (p.at === 'parent') {
    const parent = locate(doc, p.path.slice(0, -1), legacy);
    return startOf(parent.key) ?? startOf(parent.node) ?? 0;
  }
  const loc = locate(doc, p.path, legacy);
  const complete = loc.depth === p.path.length;
  if (p.at === 'key') {
    if (complete) return startOf(loc.key) ?? startOf(loc.node) ?? 0;
    return startOf(loc.node) ?? 0;
  }
  if (!complete) {
    // The value is not in the source (e.g. a default): point at the deepest map or list that is.
    return startOf(loc.key) ?? startOf(loc.node) ?? 0;
  }
  const node = loc.node;
  if (node && isScalar(node) && node.range) {
    const empty = node.value === null && (node.source === '' || node.source === undefined);
    if (empty && loc.key) return startOf(loc.key) ?? 0;
    if (p.offset !== undefined) return scalarCharOffset(text, node, p.offset);
    return node.range[0];
  }
  // Collections: their key reads best ("ability:"), list items their first line.
  return startOf(loc.key) ?? startOf(node) ?? 0;
}

function diag(
  file: string,
  lc: LineCounter,
  offset: number,
  path: string,
  message: string,
  hint: string | undefined,
  severity: Diagnostic['severity'],
): Diagnostic {
  const { line, col } = lc.linePos(offset);
  const d: Diagnostic = { file, line: Math.max(1, line), col: Math.max(1, col), path, message, severity };
  if (hint) d.hint = hint;
  return d;
}

function finish(
  errors: Diagnostic[],
  warnings: Diagnostic[],
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const dedupe = (list: Diagnostic[]) => {
    const seen = new Set<string>();
    return list.filter((d) => {
      const k = `${d.line}:${d.col}:${d.path}:${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const cap = (list: Diagnostic[]) => {
    if (list.length <= MAX_DIAGNOSTICS) return list;
    const rest = list.length - MAX_DIAGNOSTICS;
    const next = list[MAX_DIAGNOSTICS]!;
    return [
      ...list.slice(0, MAX_DIAGNOSTICS),
      {
        ...next,
        path: '(more)',
        message: `… and ${rest} more like these (not shown)`,
        hint: 'fix the first ones and run again',
      },
    ];
  };
  return {
    errors: cap(dedupe(errors).sort(compareDiagnostics)),
    warnings: cap(dedupe(warnings).sort(compareDiagnostics)),
  };
}

function fail(errors: Diagnostic[], warnings: Diagnostic[] = []): ParseResult {
  return { ok: false, ...finish(errors, warnings) };
}

/**
 * A cheap scan of the text for absurd nesting (flow brackets, indentation levels, `- - -` chains) and
 * absurd numbers of values (lines, flow items), so that pathological input is refused quickly and at a
 * deterministic place, before the (recursive, and per value slow) YAML parser.
 * It under-counts rather than over-counts: quoted scalars, comments and block scalars are skipped.
 */
export function scanStructure(
  text: string,
  limit: number,
  maxValues = Number.POSITIVE_INFINITY,
  maxLines = Number.POSITIVE_INFINITY,
): { offset: number; reason: 'depth' | 'values' | 'lines' } | undefined {
  let values = 0;
  let lines = 0;
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockIndent = -1;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (++lines > maxLines) return { offset: pos, reason: 'lines' };
    let i = pos;
    while (i < eol && text[i] === ' ') i++;
    const indent = i - pos;
    const blank = i >= eol || text[i] === '#' || text[i] === '\r';
    if (blockIndent >= 0) {
      if (blank || indent > blockIndent) {
        pos = eol + 1;
        continue;
      }
      blockIndent = -1;
    }
    if (!blank && flow === 0 && quote === undefined) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let chain = 0;
      while (
        i + 1 < eol &&
        (text[i] === '-' || text[i] === '?') &&
        (text[i + 1] === ' ' || text[i + 1] === '\t')
      ) {
        chain++;
        i += 2;
        while (i < eol && text[i] === ' ') i++;
      }
      if (indents.length + chain > limit) return { offset: i, reason: 'depth' };
      values += 1 + chain;
      if (values > maxValues) return { offset: i, reason: 'values' };
    }
    let prev = ''; // previous structural character on this line ('' at line start)
    let plain = false; // inside a plain (unquoted) scalar, where brackets are just characters
    for (let j = i; j < eol; j++) {
      const c = text[j]!;
      if (quote === '"') {
        if (c === '\\') j++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && text[j + 1] === "'") j++;
        else if (c === "'") quote = undefined;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (j === pos || text[j - 1] === ' ' || text[j - 1] === '\t')) break;
      const next = text[j + 1];
      const spaceAfter =
        next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
      if (plain) {
        if (c === ':' && spaceAfter) {
          plain = false;
          prev = ':';
          continue;
        }
        if (!(flow > 0 && (c === ',' || c === ']' || c === '}'))) continue;
        plain = false;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (flow + indents.length > limit) return { offset: j, reason: 'depth' };
        if (++values > maxValues) return { offset: j, reason: 'values' };
      } else if (c === ']' || c === '}') {
        if (flow > 0) flow--;
      } else if (c === ',') {
        if (++values > maxValues) return { offset: j, reason: 'values' };
      } else if ((c === '-' || c === '?' || c === ':') && spaceAfter) {
        // indicator
      } else if (c === '&' || c === '*' || c === '!') {
        // anchor, alias or tag: skip the name
        while (
          j + 1 < eol &&
          text[j + 1] !== ' ' &&
          text[j + 1] !== '\t' &&
          text[j + 1] !== ',' &&
          text[j + 1] !== '[' &&
          text[j + 1] !== '{'
        )
          j++;
      } else if ((c === '|' || c === '>') && flow === 0 && (prev === ':' || prev === '-' || prev === '')) {
        if (/^[|>][-+0-9]*\s*(#.*)?\r?$/.test(text.slice(j, eol))) {
          blockIndent = indents.length > 0 ? indents[indents.length - 1]! : 0;
          break;
        }
        plain = true;
      } else {
        plain = true;
      }
      prev = c;
    }
    pos = eol + 1;
  }
  return undefined;
}

/**
 * One iterative walk of the YAML tree (aliases are not followed): the first map or list nested deeper than
 * `maxDepth`, and every duplicate key (a Set per map: yaml's own check compares every pair of keys).
 */
function inspectTree(
  doc: Document,
  maxDepth: number,
): { tooDeep?: { node: YamlNode; path: PathSegment[] }; duplicates: YamlNode[]; inListItem: Set<YamlNode> } {
  const duplicates: YamlNode[] = [];
  /** Duplicate keys of a map that is a list item: is a "- " missing, starting the next item? */
  const inListItem = new Set<YamlNode>();
  const root = doc.contents as YamlNode | null;
  if (!root) return { duplicates, inListItem };
  const stack: { node: YamlNode; depth: number; path: PathSegment[] }[] = [
    { node: root, depth: 1, path: [] },
  ];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > maxDepth) return { tooDeep: { node, path }, duplicates, inListItem };
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const name = keyText(k);
        if (name !== undefined) {
          if (seen.has(name) && k) {
            duplicates.push(k);
            if (typeof path[path.length - 1] === 'number') inListItem.add(k);
          }
          seen.add(name);
        }
        if (k && (isMap(k) || isSeq(k)))
          stack.push({ node: k, depth: depth + 1, path: [...path, name ?? '?'] });
        if (v) stack.push({ node: v, depth: depth + 1, path: [...path, name ?? '?'] });
      }
    } else {
      node.items.forEach((item, i) => {
        if (item) stack.push({ node: item as YamlNode, depth: depth + 1, path: [...path, i] });
      });
    }
  }
  return { duplicates, inListItem };
}

function firstAlias(doc: Document): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node as unknown as YamlNode;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Aliases (`*name`) with no anchor (`&name`) above them, in source order, each with the line of an anchor of that
 * name further down, if there is one. YAML only fails on them when the document is converted, with no position.
 */
function danglingAliases(
  doc: Document,
  lc: LineCounter,
): { alias: YamlNode; name: string; laterLine?: number }[] {
  const anchors = new Map<string, { at: number; node: YamlNode }>();
  const aliases: { alias: YamlNode; name: string; at: number }[] = [];
  let at = 0;
  visit(doc, {
    Node(_, node) {
      at++;
      if (isAlias(node)) aliases.push({ alias: node as unknown as YamlNode, name: node.source, at });
      else if (node.anchor && !anchors.has(node.anchor))
        anchors.set(node.anchor, { at, node: node as YamlNode });
    },
  });
  const found: { alias: YamlNode; name: string; laterLine?: number }[] = [];
  for (const a of aliases) {
    const anchor = anchors.get(a.name);
    if (anchor && anchor.at < a.at) continue;
    const start = startOf(anchor?.node);
    found.push(start !== undefined ? { alias: a.alias, name: a.name, laterLine: lc.linePos(start).line } : a);
  }
  return found;
}

interface YamlRead {
  doc: Document;
  lc: LineCounter;
  warnings: Diagnostic[];
  /** Syntax errors and duplicate keys, one per line and column. */
  syntax: Diagnostic[];
  /** Those of `syntax` that are a line out of place (indentation, a list and a map mixed): YAML's complaints
   * about the lines below it in the same block follow from it (see dropFollowUps). */
  structural: Set<Diagnostic>;
  tree: ReturnType<typeof inspectTree>;
}

/** Offset of the first character of the line holding `offset` that is not a space. */
function firstNonSpaceOfLine(text: string, offset: number): number {
  let i = text.lastIndexOf('\n', offset - 1) + 1;
  while (text[i] === ' ') i++;
  return i;
}

/**
 * Where the key on the next non-blank line starts, when that line is indented further than the line holding
 * `offset` and is `key: value`; else undefined.
 */
function indentedKeyBelow(text: string, offset: number): number | undefined {
  const here = firstNonSpaceOfLine(text, offset) - (text.lastIndexOf('\n', offset - 1) + 1);
  let eol = text.indexOf('\n', offset);
  while (eol >= 0) {
    const start = eol + 1;
    eol = text.indexOf('\n', start);
    const line = text.slice(start, eol < 0 ? text.length : eol).replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent <= here || !/^ *[^\s#:][^:#]*:(\s|$)/.test(line)) return undefined;
    return start + indent;
  }
  return undefined;
}

/** For YAML's "Nested mappings are not allowed in compact mappings" at a value whose next line holds a key
 * indented too far: where that key starts. */
function movedToIndentedKey(text: string, e: YAMLError): number | undefined {
  if (!/^Nested mappings are not allowed in compact mappings/.test(e.message)) return undefined;
  if (/:(\s|$)/.test(restOfLine(text, e.pos[0]))) return undefined;
  return indentedKeyBelow(text, e.pos[0]);
}

/** Whether text[from, to) holds only blanks, commas and comments ("#" to the line's end). */
function onlyCommas(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      if (eol < 0 || eol >= to) return true;
      i = eol;
    } else if (c !== ',' && !/\s/.test(c)) return false;
  }
  return true;
}

/** The text from `offset` to the end of its line. */
function restOfLine(text: string, offset: number): string {
  const eol = text.indexOf('\n', offset);
  return text.slice(offset, eol < 0 ? text.length : eol).replace(/\r$/, '');
}

/**
 * Each line's indentation in spaces, and the column its content starts at after any "- " (`  - id: x`: 2 and 4);
 * -1 for a blank or comment-only line.
 */
function lineIndents(text: string): { indent: number[]; content: number[] } {
  const indent: number[] = [];
  const content: number[] = [];
  for (const line of text.split('\n')) {
    const m = /^( *)((?:- +)*)(.?)/.exec(line)!;
    const blank = m[2] === '' && (m[3] === '' || m[3] === '#' || m[3] === '\r');
    indent.push(blank ? -1 : m[1]!.length);
    content.push(blank ? -1 : m[1]!.length + m[2]!.length);
  }
  return { indent, content };
}

/** YAML errors that may be reported where a line out of place starts (see listMapMix). */
const LINE_CODES = new Set<string>([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'MISSING_CHAR',
]);
const LIST_ITEM = /^ *-(\s|$)/;
const KEY_LINE = /^ *(?:"[^"]*"|'[^']*'|[^\s#'"{[\]}&*!|>%@`-][^#]*?):(\s|$)/;

/**
 * The line holding `offset`, when it is not `key: value` but looks meant as one: `key = value`, `key:value` (no
 * space after the colon) or `key value` (no colon). Where the mistake is, and what to write instead.
 */
export function keyValueTypo(
  text: string,
  offset: number,
): { offset: number; message: string; hint: string } | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const line = restOfLine(text, start);
  if (line.length > 120) return undefined;
  const m = /^( *(?:- +)?)([A-Za-z_][\w-]*)( *= *| *:(?=[^\s:/])| +)([^\s#:=].*?)\s*$/.exec(line);
  if (!m || /:\s/.test(m[4]!)) return undefined;
  const [, lead, key, sep, value] = m as unknown as [string, string, string, string, string];
  // Without "=" or ":", only `key value` with a one-word value: a line of prose is not taken for a key.
  if (sep.trim() === '' && /\s/.test(value)) return undefined;
  const at = start + lead.length + key.length + (sep.length - sep.trimStart().length);
  const shown = JSON.stringify(quoteLine(line));
  const fixed = `${key}: ${value}`;
  if (sep.includes('=')) {
    return {
      offset: at,
      message: `YAML: ${shown} is not key: value (YAML does not use "=")`,
      hint: `write ${fixed} (a colon and a space after the key)`,
    };
  }
  if (sep.includes(':')) {
    return {
      offset: at,
      message: `YAML: no space after the colon in ${shown}`,
      hint: `write ${fixed} (YAML needs a space after the colon)`,
    };
  }
  return {
    offset: start + lead.length + key.length,
    message: `YAML: no colon after "${key}" in ${shown}`,
    hint: `is a ":" missing? write ${fixed}`,
  };
}

/** Short enough to quote in a message: the line's text, or its key followed by "…". */
function quoteLine(line: string): string {
  const t = line.trim();
  if (t.length <= 40) return t;
  const key = /^(- )?[^:]*:/.exec(t);
  return key ? `${key[0]} …` : `${t.slice(0, 39)}…`;
}

/**
 * A list and a map mixed under one key, at the line holding `offset`: a `key: value` line where the nearest line
 * above at the same indentation is a list entry ("- …"), or a list entry where it is `key: value`. The message
 * and hint say so in plain words; undefined when the line is not such a mix.
 */
function listMapMix(text: string, offset: number): { message: string; hint: string } | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const line = restOfLine(text, start);
  const indent = line.length - line.trimStart().length;
  const item = LIST_ITEM.test(line);
  const key = !item && KEY_LINE.test(line);
  if (!item && !key) return undefined;
  // The nearest line above at the same indentation (lines indented further belong to the entries above).
  let sibling: string | undefined;
  for (let end = start - 1; end > 0 && sibling === undefined; ) {
    const from = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(from, end).replace(/\r$/, '');
    end = from - 1;
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const n = above.length - above.trimStart().length;
    if (n < indent) return undefined;
    if (n === indent) sibling = above;
  }
  if (sibling === undefined) return undefined;
  const mixed = `YAML: a list and a map mixed ${indent === 0 ? 'at the top level' : 'under one key'}`;
  if (key && LIST_ITEM.test(sibling)) {
    // The keys of the entry above start after its "- " (usually 2 columns on).
    const step = /^ *-( *)/.exec(sibling)![1]!.length + 1;
    return {
      message: `${mixed}: this line is key: value, the entries above it start with "- "`,
      hint: `every entry of a list starts with "- ": write "- ${quoteLine(line)}" if this starts a new entry, or indent it by ${step} more spaces if it belongs to the entry above`,
    };
  }
  if (item && KEY_LINE.test(sibling)) {
    return {
      message: `${mixed}: this line starts a list entry with "- ", the lines above it are key: value`,
      hint:
        indent === 0
          ? 'the top level of a scenario is a map (every line is key: value): remove the "- ", or indent the list under the key it belongs to'
          : `under one key, write a list (every entry starts with "- ") or a map (every line is key: value), not both: remove the "- " if this is one more key, or move "${quoteLine(sibling)}" out if a list is meant`,
    };
  }
  return undefined;
}

/**
 * Where the block holding line `n` (1-based) ends: the first line after it indented no further than the map or
 * list that holds it, i.e. than the nearest line above indented less than both line `n` and the content of the
 * line before it (after its "- ").
 */
function blockEnd(lines: { indent: readonly number[]; content: readonly number[] }, n: number): number {
  const { indent, content } = lines;
  const own = indent[n - 1] ?? -1;
  if (own < 0) return n + 1;
  let k = n - 1;
  while (k >= 1 && indent[k - 1]! < 0) k--;
  const level = k >= 1 ? Math.min(own, content[k - 1]!) : own;
  let parent = 0;
  for (; k >= 1; k--) {
    const i = indent[k - 1]!;
    if (i >= 0 && i < level) {
      parent = i;
      break;
    }
  }
  for (let m = n + 1; m <= indent.length; m++) {
    if (indent[m - 1]! >= 0 && indent[m - 1]! <= parent) return m;
  }
  return indent.length + 1;
}

/**
 * A line out of place (a key indented one space off, a list entry without "- ") makes YAML misread the rest of its
 * block, and it says so once per line below. Report such a line alone: drop the syntax errors after it on its line
 * and on the lines below it in the same block; problems elsewhere in the file stay.
 */
function dropFollowUps(
  text: string,
  syntax: Diagnostic[],
  structural: ReadonlySet<Diagnostic>,
): Diagnostic[] {
  if (!syntax.some((d) => structural.has(d))) return syntax;
  const lines = lineIndents(text);
  const kept: Diagnostic[] = [];
  let root: Diagnostic | undefined;
  let end = 0;
  for (const d of [...syntax].sort(compareDiagnostics)) {
    if (root && (d.line === root.line ? d.col > root.col : d.line > root.line && d.line < end)) continue;
    kept.push(d);
    if (structural.has(d)) {
      root = d;
      end = blockEnd(lines, d.line);
    }
  }
  return kept;
}

/** Parse the YAML: its syntax errors (with hints and better positions), warnings and duplicate keys. */
function readYaml(text: string, file: string, maxDepth: number): YamlRead {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: true,
    // Duplicate keys are found by inspectTree in linear time.
    uniqueKeys: false,
    logLevel: 'error',
    strict: true,
  });
  // A quote left open swallows what follows: YAML's later complaints (a "{" not closed, …) follow from it.
  const openQuote = doc.errors.find(
    (e) => e.code === 'MISSING_CHAR' && /Missing closing .?quote/.test(e.message),
  );
  // Whether a flow collection is open where the line holding an offset starts: one scan, made when needed.
  let flowAtLine: Map<number, boolean> | undefined;
  const inFlowAtLineStart = (offset: number): boolean => {
    if (!flowAtLine) {
      const map = new Map<number, boolean>();
      const last = doc.errors.reduce((m, e) => Math.max(m, e.pos[0]), 0);
      scanFlow(text, last, (at, depth) => map.set(at, depth > 0));
      flowAtLine = map;
    }
    return flowAtLine.get(text.lastIndexOf('\n', offset - 1) + 1) ?? false;
  };
  // Whether the text is JSON (starts with "{" or "[" after comments): found once, when needed.
  let json: boolean | undefined;
  const structural = new Set<Diagnostic>();
  const toDiag = (e: YAMLError, severity: Diagnostic['severity']): Diagnostic => {
    let pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    let { message, hint } = yamlErrorMessage(e);
    let outOfPlace = false;
    // Reported where a line starts: is it a list entry among map keys, or a key among list entries?
    const mix =
      LINE_CODES.has(e.code) &&
      e.pos[0] <= firstNonSpaceOfLine(text, e.pos[0]) &&
      !inFlowAtLineStart(e.pos[0])
        ? listMapMix(text, e.pos[0])
        : undefined;
    // A line meant as key: value but written `key = value`, `key:value` or `key value`.
    const typo =
      !mix && LINE_CODES.has(e.code) && e.pos[0] <= firstNonSpaceOfLine(text, e.pos[0])
        ? keyValueTypo(text, e.pos[0])
        : undefined;
    // A `{` or `[` left open is reported where YAML gives up, often lines later: point at the bracket instead.
    const close = /must be sufficiently indented and end with a ([}\]])/.exec(e.message)?.[1];
    if (typo) {
      pos = lc.linePos(typo.offset);
      ({ message, hint } = typo);
    } else if (mix) {
      pos = lc.linePos(firstNonSpaceOfLine(text, e.pos[0]));
      ({ message, hint } = mix);
      outOfPlace = true;
    } else if (close) {
      const open = close === '}' ? '{' : '[';
      const at = unclosedFlowBracket(text, e.pos[0], open);
      if (at !== undefined) {
        pos = lineColAt(text, at);
        message = `YAML: this "${open}" is never closed`;
        hint = `close it with "${close}" on the same line, or write the ${open === '{' ? 'map' : 'list'} as indented lines instead`;
      }
    } else if (e === openQuote) {
      // YAML says so where the text ends, maybe many lines on: point at the quote that opened it.
      const at = unclosedQuote(text, e.pos[0]);
      if (at !== undefined && lineColAt(text, at).line < pos.line) {
        pos = lineColAt(text, at);
        message = `YAML: this ${text[at] === '"' ? 'double' : 'single'} quote is never closed`;
        hint = `close it with ${text[at]} where the value ends`;
      }
    } else if (/^Sequence item without - indicator/.test(e.message) || e.code === 'BAD_INDENT') {
      // Reported at the line's start: point at where the line's text starts, the column that is off.
      if (pos.col === 1) pos = lc.linePos(firstNonSpaceOfLine(text, e.pos[0]));
      outOfPlace = true;
      if (e.code !== 'BAD_INDENT') {
        hint =
          'check the indentation: line this key up with the keys above it, or start a new list item with "- "';
      }
    } else if (/^Nested mappings are not allowed in compact mappings/.test(e.message)) {
      const next = movedToIndentedKey(text, e);
      if (/:(\s|$)/.test(restOfLine(text, e.pos[0]))) {
        // `label: Silence: say nothing`: the value holds ": ".
        hint = 'a value that contains ": " must be in quotes, e.g. label: "Silence: say nothing"';
      } else if (next !== undefined) {
        // `kind: sbm` then `   meanDegree: 16` one space too far: YAML reads the key as part of the value above.
        pos = lc.linePos(next);
        message = 'YAML: this line is indented further than the line above it';
        hint = 'keys of one map start in the same column: remove the extra spaces';
        outOfPlace = true;
      }
    } else if (e.code === 'MULTILINE_IMPLICIT_KEY' && inFlowAtLineStart(e.pos[0])) {
      // In a flow collection (JSON), a value running on into the next line's key: a missing comma.
      hint = 'is a comma missing at the end of this line?';
    } else if (
      e.code === 'UNEXPECTED_TOKEN' &&
      /^Unexpected scalar/.test(e.message) &&
      text[e.pos[0]] === ','
    ) {
      // `},` at the end of a JSON file, or `seed: [1, 2],` in YAML: a comma with nothing after it.
      // Each step stops at the first character that settles it: a file with a "," on every line stays linear.
      json ??= /^\s*[{[]/.test(text.replace(/^(\s*#.*\n)*/, ''));
      const eol = text.indexOf('\n', e.pos[0]);
      if (onlyCommas(text, e.pos[0], json || eol < 0 ? text.length : eol)) {
        let b = e.pos[0] - 1;
        while (b >= 0 && /\s/.test(text[b]!)) b--;
        const before = b >= 0 ? text[b] : undefined;
        message =
          before === '}' || before === ']'
            ? `YAML: a "," after the closing "${before}"${json ? ' at the end of the file' : ''}`
            : 'YAML: a "," with nothing after it';
        hint = json
          ? 'a comma after the last item: remove it'
          : 'a comma after the last item: remove it (YAML needs no comma at the end of a line)';
      }
    }
    const d: Diagnostic = {
      file,
      line: Math.max(1, pos.line),
      col: Math.max(1, pos.col),
      path: SYNTAX_PATH,
      message,
      severity,
    };
    if (hint) d.hint = hint;
    if (outOfPlace) structural.add(d);
    return d;
  };
  const warnings: Diagnostic[] = doc.warnings.map((w) => toDiag(w, 'warning'));
  const tree = inspectTree(doc, maxDepth);
  // A key indented too far is reported at that key (below); YAML's "Implicit keys need to be on a single line" at
  // the value above is the same problem.
  const tooFar = new Set(
    doc.errors
      .filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY' && movedToIndentedKey(text, e) !== undefined)
      .map((e) => e.pos[0]),
  );
  const syntax = doc.errors
    .filter((e) => !openQuote || e === openQuote || e.pos[0] < openQuote.pos[0])
    .filter((e) => !(e.code === 'MULTILINE_IMPLICIT_KEY' && tooFar.has(e.pos[0])))
    .map((e) => toDiag(e, 'error'));
  for (const key of tree.duplicates) {
    syntax.push(
      diag(
        file,
        lc,
        startOf(key) ?? 0,
        SYNTAX_PATH,
        `YAML: Map keys must be unique: ${JSON.stringify(keyText(key) ?? '')} appears twice`,
        tree.inListItem.has(key)
          ? 'is "- " missing before this key, to start a new list item? Else remove or merge the duplicate'
          : YAML_HINTS.DUPLICATE_KEY,
        'error',
      ),
    );
  }
  // yaml often reports one problem twice at one place; keep the first.
  const seen = new Set<string>();
  const unique = syntax.filter((d) => {
    const k = `${d.line}:${d.col}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { doc, lc, warnings, syntax: unique, structural, tree };
}

/**
 * The syntax errors to report. Where a look-alike character (a full-width colon, a tab or a full-width space in
 * the indentation, a curly quote) sits on an error's line or the three lines above it, it is reported at its own
 * line and column instead, and the text is parsed again with it mended: what YAML still finds then is reported
 * too, and what followed only from the look-alike is not.
 */
function explainSyntax(text: string, file: string, read: YamlRead, maxDepth: number): Diagnostic[] {
  const lines = new Set<number>();
  for (const d of read.syntax.slice(0, 50))
    for (let l = Math.max(1, d.line - 3); l <= d.line; l++) lines.add(l);
  const found = findLookalikes(text, lines);
  if (found.length === 0) return dropFollowUps(text, read.syntax, read.structural);
  // All at once, in one pass (mending one at a time copied the text once per look-alike: quadratic on a long
  // line of full-width commas). Each edit is computed on the text as read, as the lines above it are.
  const mended = applyEdits(
    text,
    found.flatMap((l) => l.edits),
  );
  const own = found.map((l) =>
    diag(file, read.lc, l.offset, SYNTAX_PATH, `YAML: ${l.message}`, l.hint, 'error'),
  );
  const ownLines = new Set(own.map((d) => d.line));
  const again = readYaml(mended, file, maxDepth);
  return [
    ...own,
    ...dropFollowUps(mended, again.syntax, again.structural).filter((d) => !ownLines.has(d.line)),
  ];
}

/** Parse and validate scenario text. Never throws; hostile input gives errors, not hangs or crashes. */
export function parseScenarioText(text: string, file: string, opts: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(text, file, opts);
  } catch (e) {
    // A last line of defence: a bug here must not crash the caller with a stack trace.
    return fail([
      {
        file,
        line: 1,
        col: 1,
        path: '(top level)',
        message: `internal error while reading the scenario: ${e instanceof Error ? e.message : String(e)}`,
        hint: 'please report this with the file',
        severity: 'error',
      },
    ]);
  }
}

function parseUnsafe(text: string, file: string, opts: ParseOptions): ParseResult {
  const maxBytes = opts.maxBytes ?? MAX_SCENARIO_BYTES;
  const top = (
    message: string,
    hint?: string,
    at = { line: 1, col: 1 },
    path = '(top level)',
  ): Diagnostic => {
    const d: Diagnostic = { file, line: at.line, col: at.col, path, message, severity: 'error' };
    if (hint) d.hint = hint;
    return d;
  };

  // 1. Guards on the raw text.
  if (typeof text !== 'string') return fail([top('the scenario is not text')]);
  if (text.length > maxBytes) {
    return fail([
      top(
        `the file is too large (${formatBytes(text.length)}; at most ${formatBytes(maxBytes)})`,
        'a scenario is a short YAML file; put large edge lists in network.file',
      ),
    ]);
  }
  const junk = findBinaryJunk(text);
  if (junk) return fail([top(junk.message, junk.hint, lineColAt(text, junk.offset))]);
  if (text.trim().length === 0) {
    return fail([
      top(
        'the file is empty',
        'a scenario starts with `version: 1` followed by meta, calendar, population and strategies',
      ),
    ]);
  }

  const absurd = scanStructure(text, PRESCAN_DEPTH, MAX_VALUES, MAX_LINES);
  if (absurd) {
    const at = lineColAt(text, absurd.offset);
    const hint =
      'a scenario is a short file; put large edge lists in network.file and seed awareness by share';
    if (absurd.reason === 'depth') {
      return fail([
        top(
          `nesting is too deep (more than ${opts.maxDepth ?? MAX_NESTING_DEPTH} levels of maps and lists)`,
          'a scenario is a few levels of maps and lists',
          at,
        ),
      ]);
    }
    return fail([
      top(
        absurd.reason === 'values'
          ? `too many values (more than ${MAX_VALUES.toLocaleString('en-US')} maps, lists and items)`
          : `too many lines (more than ${MAX_LINES.toLocaleString('en-US')})`,
        hint,
        at,
      ),
    ]);
  }

  // 2. YAML syntax.
  const maxDepth = opts.maxDepth ?? MAX_NESTING_DEPTH;
  const read = readYaml(text, file, maxDepth);
  if (read.syntax.length > 0) {
    // A bracket left open in JSON makes YAML complain at the end of the file or at the next key: report the bracket.
    const open = unclosedJsonBracket(text);
    if (open) {
      const what = open.open === '{' ? 'map' : 'list';
      const put = `"${open.close}${open.comma ? ',' : ''}"`;
      return fail(
        [
          diag(
            file,
            read.lc,
            open.offset,
            SYNTAX_PATH,
            `YAML: this "${open.open}" is never closed`,
            open.afterLine !== undefined
              ? `add ${put} on a line of its own after line ${open.afterLine}, where this ${what}’s items end`
              : `add the missing "${open.close}" where this ${what} ends (each "${open.open}" needs its own "${open.close}")`,
            'error',
          ),
        ],
        read.warnings,
      );
    }
    return fail(explainSyntax(text, file, read, maxDepth), read.warnings);
  }
  const { doc, lc, warnings, tree } = read;

  // 3. Structure guards.
  const deep = tree.tooDeep;
  if (deep) {
    return fail(
      [
        diag(
          file,
          lc,
          startOf(deep.node) ?? 0,
          formatPath(deep.path.slice(0, 20)),
          `nesting is too deep (more than ${maxDepth} levels of maps and lists)`,
          'a scenario is a few levels of maps and lists',
          'error',
        ),
      ],
      warnings,
    );
  }
  if (doc.contents === null) {
    return fail([top('the file is empty (only comments)', 'a scenario starts with `version: 1`')], warnings);
  }
  const dangling = danglingAliases(doc, lc);
  if (dangling.length > 0) {
    return fail(
      dangling.map((d) =>
        diag(
          file,
          lc,
          startOf(d.alias) ?? 0,
          SYNTAX_PATH,
          `YAML: the alias *${d.name} refers to no anchor &${d.name} above it`,
          d.laterLine !== undefined
            ? `&${d.name} is set further down, on line ${d.laterLine}: an alias can only repeat a value anchored above it; move that value up, or write the value out here`
            : `*${d.name} repeats the value marked &${d.name} earlier in the file: mark that value with &${d.name}, or write the value out here`,
          'error',
        ),
      ),
      warnings,
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: opts.maxAliasCount ?? MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = firstAlias(doc);
    const msg = e instanceof Error ? e.message : String(e);
    const bomb = /alias/i.test(msg);
    return fail(
      [
        diag(
          file,
          lc,
          startOf(alias) ?? 0,
          '(top level)',
          bomb
            ? `too many alias expansions (more than ${opts.maxAliasCount ?? MAX_ALIAS_COUNT}): a YAML “billion laughs” bomb?`
            : `cannot read the YAML: ${msg}`,
          bomb ? 'write the values out instead of nesting aliases (*name)' : undefined,
          'error',
        ),
      ],
      warnings,
    );
  }
  const contentsStart = startOf(doc.contents as YamlNode) ?? 0;
  if (raw === null || raw === undefined) {
    return fail(
      [
        diag(
          file,
          lc,
          contentsStart,
          '(top level)',
          'the file holds no scenario (an empty value)',
          'a scenario starts with `version: 1`',
          'error',
        ),
      ],
      warnings,
    );
  }

  // 4. Version and migration.
  let migrated: unknown;
  let legacy = false;
  try {
    const m = migrate(raw);
    migrated = m.value;
    legacy = m.fromVersion < 1;
    const versionLoc = locate(doc, ['version'], false);
    const at = versionLoc.depth === 1 ? (startOf(versionLoc.key) ?? contentsStart) : contentsStart;
    for (const note of m.notes) warnings.push(diag(file, lc, at, 'version', note, undefined, 'warning'));
  } catch (e) {
    if (e instanceof MigrationError) {
      const problem: Problem = { path: e.path, message: e.message, at: 'value', severity: 'error' };
      if (e.hint) problem.hint = e.hint;
      return fail(
        [diag(file, lc, offsetOf(doc, text, problem, false), formatPath(e.path), e.message, e.hint, 'error')],
        warnings,
      );
    }
    throw e;
  }

  // 5. Schema and semantic checks.
  const problems: Problem[] = [];
  const parsed = scenarioSchema.safeParse(migrated);
  if (!parsed.success) {
    // A malformed date also fails the calendar refinement; its format message is the useful one.
    const badFormat = new Set(
      parsed.error.issues.filter((i) => i.code === 'invalid_format').map((i) => JSON.stringify(i.path)),
    );
    for (const issue of parsed.error.issues) {
      if (issue.code === 'custom' && badFormat.has(JSON.stringify(issue.path))) continue;
      for (const p of zodIssueToProblems(issue, migrated, scenarioSchema)) {
        // A legacy key in a current-version file: say what it is called now.
        const key = p.path[p.path.length - 1];
        const renamedTo = Object.entries(LEGACY_KEY_NAMES).find(([, old]) => old === key)?.[0];
        if (p.at === 'key' && renamedTo && !p.hint?.startsWith('did you mean')) {
          p.hint = `"${String(key)}" is called "${renamedTo}" since format version 1`;
        }
        problems.push(p);
      }
    }
  }
  const semantic = checkScenario(parsed.success ? parsed.data : migrated);
  for (const c of semantic) {
    const p: Problem = { path: c.path, message: c.message, at: 'value', severity: c.severity ?? 'error' };
    if (c.hint) p.hint = c.hint;
    if (c.offset !== undefined) p.offset = c.offset;
    problems.push(p);
  }

  // 6. Resources.
  if (parsed.success) {
    const scenario = parsed.data;
    if (opts.availableBytes !== undefined) {
      const estimate = estimateMemory(scenario, opts.scale ?? 1);
      const tooBig = checkMemory(estimate, opts.availableBytes);
      if (tooBig) {
        const segs = scenario.population.segments;
        let biggest = 0;
        segs.forEach((s, i) => {
          const n = s.agents ?? Math.min(s.size, 2000);
          const b = segs[biggest]!;
          if (n > (b.agents ?? Math.min(b.size, 2000))) biggest = i;
        });
        const path: PathSegment[] = [
          'population',
          'segments',
          biggest,
          segs[biggest]!.agents !== undefined ? 'agents' : 'size',
        ];
        problems.push({ path, message: tooBig.message, hint: tooBig.hint, at: 'value', severity: 'error' });
      }
    }
    const net = scenario.network;
    if (net.kind === 'edge-list' && net.file !== undefined && opts.fileExists && !opts.fileExists(net.file)) {
      problems.push({
        path: ['network', 'file'],
        message: `edge-list file not found: ${JSON.stringify(net.file)}`,
        hint: 'the path is relative to the scenario file',
        at: 'value',
        severity: 'error',
      });
    }
  }

  const errors: Diagnostic[] = [];
  for (const p of problems) {
    const d = diag(
      file,
      lc,
      offsetOf(doc, text, p, legacy),
      formatPath(p.path),
      p.message,
      p.hint,
      p.severity,
    );
    (p.severity === 'warning' ? warnings : errors).push(d);
  }
  if (errors.length > 0 || !parsed.success) {
    if (errors.length === 0) errors.push(top('the scenario is not valid'));
    return fail(errors, warnings);
  }
  return { ok: true, scenario: parsed.data, warnings: finish([], warnings).warnings };
}
