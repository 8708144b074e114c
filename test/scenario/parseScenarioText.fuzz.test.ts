import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../../sim/scenario/diagnostics';
import { type ParseResult, parseScenarioText } from '../../sim/scenario/parseScenarioText';
import { readFixture } from './helpers';

const minimal = readFixture('valid/minimal.yaml');

/** The invariants every result keeps, whatever the input. */
function checkResult(text: string, r: ParseResult): void {
  const lines = text.split('\n').length;
  const all: Diagnostic[] = r.ok ? r.warnings : [...r.errors, ...r.warnings];
  if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  for (const d of all) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1, `line ${d.line} of ${lines}`).toBe(
      true,
    );
    expect(Number.isInteger(d.col) && d.col >= 1, `col ${d.col}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/internal error/);
    expect(d.severity === 'error' || d.severity === 'warning').toBe(true);
  }
}

function run(text: string): void {
  let r: ParseResult | undefined;
  expect(() => {
    r = parseScenarioText(text, 'fuzz.yaml', { availableBytes: 8 * 1024 ** 3 });
  }).not.toThrow();
  checkResult(text, r!);
}

type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; junk: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    ': ',
    '- ',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '&a ',
    '*a',
    '\t',
    '\n',
    '#',
    '|',
    '>',
    '? ',
    '---\n',
    '!!str ',
    '.nan',
    '.inf',
    '1e999',
    '\u0000',
    '\uFFFD',
    '__proto__: 1\n',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: position,
    char: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 80 }),
    to: position,
  }),
  fc.record({ kind: fc.constant('insert' as const), at: position, junk }),
);

function apply(text: string, m: Mutation): string {
  const i = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'flip':
      return text.slice(0, i) + m.char + text.slice(i + 1);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'duplicate': {
      const piece = text.slice(i, i + m.length);
      const j = Math.floor(m.to * text.length);
      return text.slice(0, j) + piece + text.slice(j);
    }
    case 'insert':
      return text.slice(0, i) + m.junk + text.slice(i);
  }
}

/** Every path to a value in a JSON-like tree. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...paths(x, [...prefix, i]));
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const settings = { seed: 20250301, numRuns: 300 } as const;

describe('parseScenarioText never throws and always points into the file', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 400 }),
        ),
        run,
      ),
      settings,
    );
  });

  it('on random mutations of a valid scenario', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        run(ms.reduce(apply, minimal));
      }),
      settings,
    );
  });

  it('on random values anywhere in a valid scenario', () => {
    const doc = parse(minimal) as unknown;
    const all = paths(doc);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1e308, 1e30, '', 'x'.repeat(5000), null, [], {}),
    );
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), value, (k, v) => {
        run(stringify(setAt(doc, all[k]!, v)));
      }),
      settings,
    );
  });

  it('on random YAML documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        run(stringify(v));
      }),
      { ...settings, numRuns: 200 },
    );
  });
});
