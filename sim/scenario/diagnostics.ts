/**
 * Diagnostics for people: where (file:line:col and the key path), what was expected, what was found,
 * and a hint (did-you-mean, allowed range). This module turns zod issues into such messages by walking
 * the scenario schema along the issue's path; parseScenarioText places them in the YAML source.
 */
import type { z } from 'zod';
import { didYouMean } from './didYouMean';

export type PathSegment = string | number;

export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the editor's column. */
  col: number;
  /** Key path, e.g. `strategies[2].rules[0].when.trigger`. */
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** A problem before it is placed in the source. */
export interface Problem {
  path: PathSegment[];
  message: string;
  hint?: string;
  /** Point at the value at `path`, at its key (unknown keys), or at the map that lacks it (missing keys). */
  at: 'value' | 'key' | 'parent';
  severity: 'error' | 'warning';
  /** Character offset inside a string value (e.g. a trigger expression). */
  offset?: number;
}

/** `strategies[2].rules[0].when.trigger`; keys that are not plain words are quoted: `a["x y"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** `file:line:col: message (at path) — hint` */
/** The `path` of a diagnostic about the whole file rather than a place in it. */
export const FILE_PATH = '(file)';

export function formatDiagnostic(d: Diagnostic): string {
  const level = d.severity === 'warning' ? 'warning: ' : '';
  const hint = d.hint ? ` — ${d.hint}` : '';
  // About the whole file (missing, a folder, another kind of file, its encoding): no place in it to point at.
  if (d.path === FILE_PATH) return `${d.file}: ${level}${d.message}${hint}`;
  return `${d.file}:${d.line}:${d.col}: ${level}${d.message} (at ${d.path})${hint}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Walking the zod 4 schema.

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  defaultValue?: unknown;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set([
  'default',
  'prefault',
  'optional',
  'nullable',
  'nonoptional',
  'readonly',
  'catch',
  'success',
]);

/** Strip default/optional/nullable/readonly/catch/pipe/lazy wrappers (refinements are checks, not wrappers). */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let guard = 0; guard < 50; guard++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in)
      s = defOf(def.in).type === 'transform' && def.out ? def.out : def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  return s;
}

/** The schema at a data path (array indices step into the element), or undefined when the path leaves it. */
export function schemaAtPath(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (let i = 0; i < path.length && s; i++) {
    const seg = path[i]!;
    const u = unwrapSchema(s);
    const def = defOf(u);
    if (def.type === 'object' && def.shape) {
      s = typeof seg === 'string' && Object.hasOwn(def.shape, seg) ? def.shape[seg] : undefined;
    } else if (def.type === 'array' && def.element) {
      s = typeof seg === 'number' ? def.element : undefined;
    } else if (def.type === 'union' && def.options) {
      const rest = path.slice(i);
      for (const option of def.options) {
        const found = schemaAtPath(option, rest);
        if (found) return found;
      }
      return undefined;
    } else {
      return undefined;
    }
  }
  return s;
}

/** Keys an object schema allows (for a union of objects: every option's keys). */
export function allowedKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap((o) => allowedKeys(o)))];
  return [];
}

/** Keys of an object schema without a default and not optional. */
export function requiredKeys(schema: z.ZodType): string[] {
  const def = defOf(unwrapSchema(schema));
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape)
    .filter(([, v]) => {
      const t = defOf(v).type;
      return t !== 'optional' && t !== 'default' && t !== 'prefault';
    })
    .map(([k]) => k);
}

const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;
const ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';

function stringPattern(def: Def): string | undefined {
  for (const c of def.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check === 'string_format' && cd.pattern instanceof RegExp) return cd.pattern.source;
  }
  return undefined;
}

/**
 * Format a number for people to read: integers from 10,000 up with grouped digits (2,000,000,000), absurdly large
 * ones (beyond what an integer holds exactly) as 1e30, others as written. For display only: in YAML, 2,000,000,000
 * is text, so a value the reader is to write goes through plainNumber.
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) >= 1e4 && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    return `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
  }
  if (Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER)
    return n.toExponential().replace('e+', 'e');
  return String(n).replace('e+', 'e');
}

/** A number as it is written in a scenario file: digits only, never grouped (2000000000). */
export function plainNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return String(n);
  return formatNumber(n);
}

function numberBounds(s: z.ZodType): { min: number | null; max: number | null; int: boolean } {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = n.minValue ?? null;
  const max = n.maxValue ?? null;
  // zod reports ±MAX_SAFE_INTEGER for a bare int(): not worth showing.
  return {
    min: min !== null && Math.abs(min) >= Number.MAX_SAFE_INTEGER ? null : min,
    max: max !== null && Math.abs(max) >= Number.MAX_SAFE_INTEGER ? null : max,
    int: !!n.isInt,
  };
}

/** What a schema expects, in words: "a number from 0 to 1", "one of "cash", "voucher"", "a date YYYY-MM-DD". */
export function describeSchema(schema: z.ZodType | undefined): string {
  if (!schema) return 'something else';
  const s = unwrapSchema(schema);
  const def = defOf(s);
  switch (def.type) {
    case 'number': {
      const { min, max, int } = numberBounds(s);
      const what = int ? 'an integer' : 'a number';
      if (min !== null && max !== null) return `${what} from ${formatNumber(min)} to ${formatNumber(max)}`;
      if (min !== null) return `${what} ≥ ${formatNumber(min)}`;
      if (max !== null) return `${what} ≤ ${formatNumber(max)}`;
      return `a finite ${int ? 'integer' : 'number'}`;
    }
    case 'string': {
      const pattern = stringPattern(def);
      if (pattern === DATE_PATTERN) return 'a date YYYY-MM-DD';
      if (pattern === ID_PATTERN)
        return 'an id (lower-case letters, digits, "-" and "_", at most 64 characters)';
      const max = (s as unknown as { maxLength: number | null }).maxLength;
      return max !== null ? `a string of at most ${formatNumber(max)} characters` : 'a string';
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {})
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'array':
      return 'a list';
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return keys.length > 0 ? `a map (keys: ${listKeys(keys)})` : 'a map';
    }
    case 'union': {
      const options = def.options ?? [];
      if (options.every((o) => defOf(unwrapSchema(o)).type === 'object')) {
        const keys = options.map((o) => requiredKeys(o)[0]).filter((k): k is string => !!k);
        return `a map with one of the keys ${orList(keys)}`;
      }
      return options.map((o) => describeSchema(o)).join(' or ');
    }
    default:
      return def.type;
  }
}

function listKeys(keys: readonly string[], max = 12): string {
  return keys.length <= max ? keys.join(', ') : `${keys.slice(0, max).join(', ')}, …`;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function truncate(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** What was found, in words: `1.7`, `the text "0.5"`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value (null)';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN (.nan)';
    if (!Number.isFinite(v)) return `${v > 0 ? '' : '-'}infinity (${formatNumber(v)})`;
    return formatNumber(v);
  }
  if (typeof v === 'string') return `the text ${JSON.stringify(truncate(v))}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'a map';
  return typeof v;
}

export function valueAtPath(input: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur as object, seg)) return undefined;
    cur = (cur as Record<PathSegment, unknown>)[seg];
  }
  return cur;
}

function hasPath(input: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return true;
  const parent = valueAtPath(input, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[path.length - 1]!);
}

/** A valid id close to what was written: lower-case, other characters replaced by "-". */
function idSuggestion(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length === 0) return undefined;
  const s = v
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 64);
  return s.length > 0 && s !== v ? s : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dateHint(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 'write dates as YYYY-MM-DD, e.g. 2025-03-01';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return `the month must be 01–12, got ${m[2]}`;
  return `${MONTHS[mo - 1]} ${y} has ${daysInMonth(y, mo)} days`;
}

/**
 * For a number written as text ("30%", "200,000", "¥1,500", "20万", full-width digits): the plain number to
 * write instead, when the schema wants a number. Undefined when the text is not such a number.
 */
export function numberTextHint(v: unknown, schema: z.ZodType | undefined): string | undefined {
  if (typeof v !== 'string' || !schema || defOf(unwrapSchema(schema)).type !== 'number') return undefined;
  // A number written as text is short; the pattern below takes time quadratic in a long run of spaces.
  if (v.length > 64) return undefined;
  // Full-width digits and signs (Chinese input methods) as ASCII.
  const ascii = v
    .trim()
    .replace(/[\uff10-\uff19\uff0e\uff05\uff0c\uff0d]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    );
  const m = /^([-+]?)[¥￥$]?\s*([\d][\d,_ ]*(?:\.\d+)?)\s*(%|万|亿|元|cny|rmb|yuan)?$/i.exec(ascii);
  if (!m) return undefined;
  let digits = m[2]!;
  const unit = m[3]?.toLowerCase();
  // "0,6": a decimal comma, not a thousands separator.
  if (/^\d+,\d{1,2}$/.test(digits) || /^0,\d+$/.test(digits)) digits = digits.replace(',', '.');
  const n = Number(`${m[1]}${digits.replace(/[,_ ]/g, '')}`);
  if (!Number.isFinite(n)) return undefined;
  const max = numberBounds(unwrapSchema(schema)).max;
  const round = (x: number) => Number(x.toPrecision(12));
  if (unit === '%') {
    return max !== null && max <= 1
      ? `write ${v.trim()} as a share from 0 to 1: ${round(n / 100)}`
      : `write the number without "%": ${round(n)}`;
  }
  if (unit === '万') return `write the number in full: ${round(n * 1e4)}`;
  if (unit === '亿') return `write the number in full: ${round(n * 1e8)}`;
  const plain = String(round(n));
  if (plain === v.trim()) return `remove the quotes: ${plain}`;
  return `write the number alone, without separators, currency or units: ${plain}`;
}

/**
 * For a map written as text because its first line is `key = value`, `key:value` or `key value` (YAML then reads the
 * indented lines as one text): the line to write instead, when the key is one the map takes.
 */
export function keyValueTextHint(v: unknown, schema: z.ZodType | undefined): string | undefined {
  if (typeof v !== 'string' || v.length > 500) return undefined;
  const m =
    /^([A-Za-z_][\w-]*)( *= *|:(?=[^\s:/])| +)([^\s=:].*?)(?: +[A-Za-z_][\w-]*(?: *= *|:(?=\S)) .*)?$/.exec(
      v.trim(),
    );
  if (!m || !allowedKeys(schema).includes(m[1]!)) return undefined;
  const [, key, sep, value] = m as unknown as [string, string, string, string];
  const how = sep.includes('=')
    ? 'a colon and a space after the key, not "="'
    : sep.includes(':')
      ? 'YAML needs a space after the colon'
      : 'a colon after the key';
  return `write ${key}: ${value} (${how}), each key on its own line`;
}

/** For a value like `200#agents`: "#" starts a comment only after a space, so YAML kept it in the value. */
export function commentHint(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 200) return undefined;
  const m = /^([^\s#][^#]*?[^\s#])#(.*)$/.exec(v.trim());
  if (!m) return undefined;
  return `"#" starts a comment only after a space: write ${m[1]} #${m[2]}`;
}

/** The one candidate that starts with the same three or more letters as `input` ("deny" → "denial"), if any. */
function samePrefix(input: string, candidates: readonly string[]): string | undefined {
  const head = input.toLowerCase().slice(0, Math.max(3, Math.ceil(input.length / 2)));
  if (input.length < 3) return undefined;
  const hits = candidates.filter((c) => c.toLowerCase().startsWith(head));
  return hits.length === 1 ? hits[0] : undefined;
}

const ROOT_KEYS_HINT =
  'a scenario starts with `version: 1` and has meta, calendar, population, strategies, …';

/** Turn one zod issue into problems, in words, with a hint where one helps. */
export function zodIssueToProblems(
  issue: z.core.$ZodIssue,
  input: unknown,
  root: z.ZodType,
  prefix: readonly PathSegment[] = [],
): Problem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const schema = schemaAtPath(root, path);
  const value = valueAtPath(input, path);
  const got = describeValue(value);
  const problem = (message: string, hint?: string, at: Problem['at'] = 'value'): Problem =>
    hint ? { path, message, hint, at, severity: 'error' } : { path, message, at, severity: 'error' };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = allowedKeys(schema);
      return issue.keys.map((key) => {
        const guess = didYouMean(key, keys);
        const where = path.length > 0 ? ` in ${formatPath(path)}` : '';
        return {
          path: [...path, key],
          message: `unknown key ${JSON.stringify(truncate(key))}${where}`,
          hint: guess ? `did you mean "${guess}"?` : `allowed keys: ${listKeys(keys, 30)}`,
          at: 'key' as const,
          severity: 'error' as const,
        };
      });
    }
    case 'invalid_union':
      return unionProblems(issue, input, root, path, value);
    case 'invalid_type': {
      if (path.length === 0) {
        return [problem(`a scenario file must be a map of keys, got ${got}`, ROOT_KEYS_HINT)];
      }
      if (!hasPath(input, path)) {
        const key = path[path.length - 1]!;
        return [
          problem(
            `missing required key ${JSON.stringify(String(key))}: expected ${describeSchema(schema)}`,
            undefined,
            'parent',
          ),
        ];
      }
      if (value === null) {
        // `key:` with nothing after it, e.g. a list whose every entry was deleted.
        const key = String(path[path.length - 1]);
        const expected = describeSchema(schema);
        const hint = /^a list\b/.test(expected)
          ? `nothing is written after "${key}:"; for an empty list write \`${key}: []\``
          : /^a map\b/.test(expected)
            ? `nothing is written after "${key}:"; for an empty map write \`${key}: {}\``
            : `nothing is written after "${key}:"; write a value there`;
        return [problem(`expected ${expected}, got ${got}`, hint)];
      }
      return [
        problem(
          `expected ${describeSchema(schema)}, got ${got}`,
          numberTextHint(value, schema) ?? keyValueTextHint(value, schema) ?? commentHint(value),
        ),
      ];
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(
        big
          ? (issue as { maximum: number | bigint }).maximum
          : (issue as { minimum: number | bigint }).minimum,
      );
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array' || origin === 'set') {
        const n = Array.isArray(value) ? value.length : 0;
        return [
          problem(
            big
              ? `expected at most ${formatNumber(limit)} item${limit === 1 ? '' : 's'}, got ${n}`
              : `expected at least ${formatNumber(limit)} item${limit === 1 ? '' : 's'}, got ${n === 0 ? 'an empty list' : n}`,
          ),
        ];
      }
      if (origin === 'string') {
        const n = typeof value === 'string' ? value.length : 0;
        if (!big && limit === 1) return [problem('must not be empty')];
        return [
          problem(
            big
              ? `expected at most ${formatNumber(limit)} characters, got ${formatNumber(n)}`
              : `expected at least ${formatNumber(limit)} characters, got ${formatNumber(n)}`,
          ),
        ];
      }
      if (schema && defOf(unwrapSchema(schema)).type === 'number') {
        // The range shows 2,000,000,000 for reading; a value to write is given in digits only. (The schema's
        // bound, not the issue's: beyond 2^53 zod reports its own limit for integers.)
        const bounds = numberBounds(unwrapSchema(schema));
        const bound = big ? bounds.max : bounds.min;
        const hint =
          bound !== null && formatNumber(bound) !== plainNumber(bound)
            ? `the ${big ? 'largest' : 'smallest'} value allowed is ${plainNumber(bound)} (in the file, write numbers without commas)`
            : undefined;
        return [problem(`expected ${describeSchema(schema)}, got ${got}`, hint)];
      }
      const bound = big ? `at most ${formatNumber(limit)}` : `at least ${formatNumber(limit)}`;
      return [problem(`expected ${bound}, got ${got}`)];
    }
    case 'invalid_format': {
      const pattern = schema ? stringPattern(defOf(unwrapSchema(schema))) : undefined;
      let hint: string | undefined;
      if (pattern === ID_PATTERN) {
        const s = idSuggestion(value);
        hint = s ? `try "${s}"` : issue.message;
      } else if (pattern === DATE_PATTERN) hint = dateHint(value);
      else hint = issue.message;
      return [problem(`expected ${describeSchema(schema)}, got ${got}`, hint)];
    }
    case 'invalid_value': {
      const values = (issue as { values: unknown[] }).values;
      const strings = values.filter((v): v is string => typeof v === 'string');
      const guess =
        typeof value === 'string' ? (didYouMean(value, strings) ?? samePrefix(value, strings)) : undefined;
      const expected =
        values.length === 1
          ? JSON.stringify(values[0])
          : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
      const key = String(path[path.length - 1]);
      const hint = guess
        ? `did you mean "${guess}"?`
        : value === null
          ? `nothing is written after "${key}:"; write one of them there`
          : commentHint(value);
      return [problem(`expected ${expected}, got ${got}`, hint)];
    }
    case 'not_multiple_of':
      return [
        problem(`expected a multiple of ${String((issue as { divisor: number }).divisor)}, got ${got}`),
      ];
    case 'custom': {
      if (issue.message === 'not a real calendar date') {
        return [problem(`${JSON.stringify(value)} is not a real calendar date`, dateHint(value))];
      }
      const primitive = value === null || typeof value !== 'object';
      return [problem(primitive ? `${issue.message} (got ${got})` : issue.message)];
    }
    default:
      return [problem(issue.message)];
  }
}

function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  input: unknown,
  root: z.ZodType,
  path: PathSegment[],
  value: unknown,
): Problem[] {
  const schema = schemaAtPath(root, path);
  const branches = issue.errors;
  const isMap = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isMap || branches.length === 0) {
    return [
      {
        path,
        message: `expected ${describeSchema(schema)}, got ${describeValue(value)}`,
        at: 'value',
        severity: 'error',
      },
    ];
  }
  // One branch clearly closest: report its issues.
  const sizes = branches.map((b) => b.length);
  const best = Math.min(...sizes);
  if (sizes.filter((n) => n === best).length === 1) {
    const branch = branches[sizes.indexOf(best)]!;
    return branch.flatMap((sub) => zodIssueToProblems(sub, input, root, path));
  }
  // Otherwise say which keys choose the form, and flag keys no form knows.
  const u = schema ? unwrapSchema(schema) : undefined;
  const options = u ? (defOf(u).options ?? []) : [];
  const choosers = options.map((o) => requiredKeys(o)[0]).filter((k): k is string => !!k);
  const present = Object.keys(value as object);
  const chosen = choosers.filter((k) => present.includes(k));
  const all = allowedKeys(schema);
  const problems: Problem[] = [];
  for (const key of present) {
    if (all.includes(key)) continue;
    const guess = didYouMean(key, all);
    problems.push({
      path: [...path, key],
      message: `unknown key ${JSON.stringify(truncate(key))} in ${formatPath(path)}`,
      hint: guess ? `did you mean "${guess}"?` : `allowed keys: ${listKeys(all, 30)}`,
      at: 'key',
      severity: 'error',
    });
  }
  if (chosen.length > 1) {
    problems.push({
      path,
      message: `${formatPath(path)} takes exactly one of ${orList(choosers)}, got ${chosen.join(' and ')}`,
      at: 'value',
      severity: 'error',
    });
  } else if (chosen.length === 0) {
    problems.push({
      path,
      message: `${formatPath(path)} needs one of the keys ${orList(choosers)}`,
      hint: options.map((o) => `{ ${allowedKeys(o).join(', ')} }`).join(' or '),
      at: 'value',
      severity: 'error',
    });
  } else if (problems.length === 0) {
    problems.push({ path, message: `expected ${describeSchema(schema)}`, at: 'value', severity: 'error' });
  }
  return problems;
}
