import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { formatDiagnostic } from '../../sim/scenario/diagnostics';
import {
  applyEdits,
  parseScenarioText,
  scanStructure,
  unclosedFlowBracket,
} from '../../sim/scenario/parseScenarioText';
import { readFixture } from './helpers';

// yaml's parseDocument, passed through but recorded: the guards below must refuse hostile input before it is
// parsed, and duplicate keys must be found by our linear scan with yaml's quadratic check switched off. (Checked
// structurally: a test never asserts a time.)
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return { ...yaml, parseDocument: vi.fn(yaml.parseDocument) };
});
const parsed = vi.mocked(parseDocument);

const GB = 1024 ** 3;
const minimal = readFixture('valid/minimal.yaml');

function errorsOf(text: string, opts = {}) {
  const r = parseScenarioText(text, 'x.yaml', opts);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseScenarioText: valid input', () => {
  it('reads the minimal scenario with every default applied', () => {
    const r = parseScenarioText(minimal, 'minimal.yaml', { availableBytes: 8 * GB });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.scenario.version).toBe(1);
    expect(r.scenario.network.kind).toBe('sbm');
    expect(r.scenario.model.trust.learningRate).toBe(0.12);
    expect(r.scenario.strategies[1]!.rules[0]!.scope).toBe('incident');
  });

  it('reads JSON (a YAML subset), tab-indented too', () => {
    const r = parseScenarioText(readFixture('valid/minimal.json'), 'minimal.json');
    expect(r.ok).toBe(true);
  });

  it('migrates a legacy version-0 file with warnings', () => {
    const r = parseScenarioText(readFixture('valid/legacy-v0.yaml'), 'legacy-v0.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.meta.title).toBe('Legacy scenario');
    expect(r.scenario.strategies[0]!.rules[0]!.do).toBe('apology');
    expect(r.warnings.map((w) => w.message)).toEqual([
      'meta.name is now meta.title',
      'no `version` key: read as a legacy version-0 file and migrated to version 1; add `version: 1`',
      'rules[].action is now rules[].do',
      'strategies[].responses is now strategies[].rules',
    ]);
    expect(r.warnings.every((w) => w.severity === 'warning' && w.line === 3 && w.col === 1)).toBe(true);
  });

  it('points errors in a legacy file at the key as written', () => {
    const text = readFixture('valid/legacy-v0.yaml').replace('action: apology', 'action: apologise');
    const [e] = errorsOf(text);
    expect(e?.path).toBe('strategies[0].rules[0].do');
    expect(`${e?.line}:${e?.col}`).toBe('23:17');
  });

  it('explains a legacy key used in a current-version file', () => {
    const [e] = errorsOf(minimal.replace('  title: Minimal test scenario', '  title: t\n  name: Minimal'));
    expect(e).toMatchObject({ line: 6, col: 3, hint: '"name" is called "title" since format version 1' });
  });

  it('separates warnings from errors', () => {
    const text = minimal.replace('amountCny: 3000', 'amountCny: 0');
    const r = parseScenarioText(text, 'x.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map(formatDiagnostic)).toEqual([
      'x.yaml:32:9: warning: compensation of ¥0 per claimant (at strategies[1].rules[1]) — set amountCny',
    ]);
  });
});

describe('parseScenarioText: positions', () => {
  const trigger = (scalar: string) =>
    minimal.replace('{ trigger: "complaints_7d > 50 or attention.fridge > 6" }', `{ trigger: ${scalar} }`);

  it('places an error inside a plain, single- or double-quoted trigger', () => {
    // The rule's `when:` is on line 29 of minimal.yaml; `{ trigger: ` puts the scalar at column 26.
    expect(errorsOf(trigger('day > 1 or bogus > 2'))[0]).toMatchObject({ line: 29, col: 37 });
    expect(errorsOf(trigger("'day > 1 or bogus > 2'"))[0]).toMatchObject({ line: 29, col: 38 });
    expect(errorsOf(trigger('"day > 1 or bogus > 2"'))[0]).toMatchObject({ line: 29, col: 38 });
    // The string "x" is the first problem; it is reported at its quote, after the escaping backslash.
    expect(errorsOf(trigger(String.raw`"day > 1 or \"x\" == bogus"`))[0]).toMatchObject({
      line: 29,
      col: 39,
    });
    // `it''s` is `it's`: the implicit multiplication `it' s` is reported at `s`, one column later in the source.
    expect(errorsOf(trigger("'it''s > 1 or bogus'"))[0]).toMatchObject({ line: 29, col: 31 });
  });

  it('places an error inside literal and folded block scalars', () => {
    for (const style of ['|', '>', '|-', '>-']) {
      const text = minimal.replace(
        '      - when: { trigger: "complaints_7d > 50 or attention.fridge > 6" }\n',
        `      - when:\n          trigger: ${style}\n            day > 1 or\n            bogus > 2\n`,
      );
      const [e] = errorsOf(text);
      expect(e?.message).toMatch(/unknown name `bogus`/);
      expect({ style, line: e?.line, col: e?.col }).toEqual({ style, line: 32, col: 13 });
    }
  });

  it('sorts errors by line and column', () => {
    const errors = errorsOf(readFixture('broken/many-errors.yaml'));
    const keys = errors.map((e) => e.line * 10_000 + e.col);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});

describe('parseScenarioText: hostile input gives errors, never hangs or throws', () => {
  beforeEach(() => {
    parsed.mockClear();
  });

  it('refuses a 50 MB file before parsing it', () => {
    const [e] = errorsOf(`version: 1\nmeta:\n  title: "${'x'.repeat(50 * 1024 * 1024)}"\n`);
    expect(e?.message).toMatch(/too large \(50\.0 MB; at most 10\.0 MB\)/);
    expect(parsed).not.toHaveBeenCalled();
  });

  it('refuses an alias bomb', () => {
    const [e] = errorsOf(readFixture('broken/alias-bomb.yaml'));
    expect(e?.message).toMatch(/alias/);
  });

  it('refuses 100k-deep nesting of every kind', () => {
    for (const text of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      `${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}`,
      `${'- '.repeat(100_000)}x`,
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    ]) {
      const [e] = errorsOf(text);
      expect(e?.message).toMatch(/nesting is too deep/);
    }
  });

  it('accepts 64 levels and refuses 65', () => {
    const nest = (n: number) => `version: 1\nmeta: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    expect(errorsOf(nest(64))[0]?.message).not.toMatch(/nesting/);
    expect(errorsOf(nest(65))[0]?.message).toMatch(/nesting is too deep/);
  });

  it('does not count brackets inside quotes, comments, block scalars or plain words', () => {
    const text = `a: "${'['.repeat(600)}"\nb: '${'{'.repeat(600)}'\n# ${'['.repeat(600)}\nc: |\n  ${'['.repeat(600)}\nd: x${'['.repeat(600)}\n`;
    expect(scanStructure(text, 500)).toBeUndefined();
  });

  it('refuses absurd numbers of values or lines before parsing them', () => {
    expect(errorsOf(`[${'1,'.repeat(300_000)}1]`)[0]?.message).toMatch(/too many values \(more than 250,000/);
    expect(errorsOf('# c\n'.repeat(300_000))[0]).toMatchObject({
      line: 250_001,
      message: 'too many lines (more than 250,000)',
    });
    expect(parsed).not.toHaveBeenCalled();
  });

  it('finds duplicate keys in big maps in one pass, with yaml’s pairwise check off', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`);
    const errors = errorsOf(`${keys.join('\n')}\nk7: 2\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      line: 50_001,
      col: 1,
      message: 'YAML: Map keys must be unique: "k7" appears twice',
    });
    // Found by the one-pass scan: yaml's own pairwise check is off.
    expect(parsed).toHaveBeenCalledTimes(1);
    expect(parsed.mock.calls[0]![1]).toMatchObject({ uniqueKeys: false });
  });

  it('lists at most 100 errors, then how many more there are', () => {
    const junk = Array.from({ length: 500 }, (_, i) => `  junk${i}: 1`).join('\n');
    const errors = errorsOf(
      minimal.replace('  title: Minimal test scenario\n', `  title: Minimal test scenario\n${junk}\n`),
    );
    expect(errors).toHaveLength(101);
    expect(errors[100]?.message).toBe('… and 400 more like these (not shown)');
  });

  it('reports NaN, infinities and absurd sizes as range errors', () => {
    const text = minimal.replace('size: 10000', 'size: .inf').replace('severity: 0.6', 'severity: .nan');
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      'expected an integer from 1 to 2,000,000,000, got infinity (.inf)',
      'expected a number from 0 to 1, got NaN (.nan)',
    ]);
  });

  it('refuses a scenario too large for the memory available', () => {
    const text = minimal.replace('agents: 200', 'agents: 20000000');
    expect(parseScenarioText(text, 'x.yaml').ok).toBe(true); // no check without availableBytes
    const [e] = errorsOf(text, { availableBytes: 1 * GB });
    expect(e?.message).toMatch(/needs about .* GB/);
    expect(parseScenarioText(text, 'x.yaml', { availableBytes: 1 * GB, scale: 0.01 }).ok).toBe(true);
  });

  it('reports a missing edge-list file through the host’s fileExists', () => {
    const text = minimal.replace(
      'incidents:\n',
      'network:\n  kind: edge-list\n  file: nowhere.txt\nincidents:\n',
    );
    const [e] = errorsOf(text, { fileExists: () => false });
    expect(e).toMatchObject({ line: 16, col: 9, message: 'edge-list file not found: "nowhere.txt"' });
  });

  it('reports binary junk at its line and column', () => {
    expect(errorsOf('version: 1\nmeta:\n  title: "a\u0000"\n')[0]).toMatchObject({ line: 3, col: 12 });
    expect(errorsOf('version: 1\n\uFFFD')[0]).toMatchObject({ line: 2, col: 1 });
    expect(errorsOf('version: 1\nx: \uD800\n')[0]?.message).toMatch(/unpaired surrogate/);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const r = parseScenarioText(`\uFEFF${minimal.replace(/\n/g, '\r\n')}`, 'x.yaml');
    expect(r.ok).toBe(true);
  });

  it('explains many look-alikes on one line, and a "," ending every line, in one pass each', () => {
    // Each look-alike used to be mended by copying the whole text, and each trailing comma searched the text
    // before it: quadratic (a 200,000-character line of full-width commas took 20 s; now well under one).
    const commas = `${minimal}extra: [${'1\uff0c'.repeat(30_000)}\n`;
    const errors = errorsOf(commas);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toMatchObject({ col: 10, message: 'YAML: a full-width comma "，" between items' });
    expect(errors[1]).toMatchObject({ col: 12 });
    expect(errors[100]?.message).toMatch(/^… and \d+ more like these/);
    const lines = Array.from({ length: 20_000 }, (_, i) => `k${i}: [1],`).join('\n');
    const trailing = errorsOf(`${lines}\n`);
    expect(trailing[0]).toMatchObject({ line: 1, col: 8, message: 'YAML: a "," after the closing "]"' });
    expect(trailing[99]).toMatchObject({ line: 100, col: 9 });
  });

  it('accepts non-ASCII text', () => {
    const r = parseScenarioText(minimal.replace('Minimal test scenario', '小米信任危机 — ü ✓ 𝔘'), 'x.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('a "{" or "[" left open', () => {
  const lines = minimal.split('\n');
  const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));

  it('is reported at the bracket, with a hint, not lines later where YAML gives up', () => {
    const i = at(/^ {2}title:/);
    const broken = [...lines];
    broken[i] = '  title: [My case';
    const [e] = errorsOf(broken.join('\n'));
    expect(e).toMatchObject({ line: i + 1, col: 10, message: 'YAML: this "[" is never closed' });
    expect(e.hint).toMatch(/close it with "\]" on the same line/);
  });

  it('finds the open brace past quoted brackets, apostrophes in plain text and comments', () => {
    const text = [
      "a: 'x { y'",
      'b: "p [ q"',
      "c: it's { fine } # a { in a comment",
      'd: { e: 1, f: [2, 3]',
      'g: 4',
    ].join('\n');
    expect(unclosedFlowBracket(text, text.length, '{')).toBe(text.indexOf('{ e: 1'));
    expect(unclosedFlowBracket(text, text.length, '[')).toBeUndefined();
  });
});

describe('characters that look like YAML syntax but are not', () => {
  it('are legal inside values: a full-width colon, comma and space in a title parse as text', () => {
    const r = parseScenarioText(
      minimal.replace('  title: Minimal test scenario', '  title: 第一阶段：道歉，赔偿\u3000完'),
      'x.yaml',
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.meta.title).toBe('第一阶段：道歉，赔偿\u3000完');
  });

  it('are reported only near a syntax error, not far from it', () => {
    // A full-width colon in the title (legal) and a tab on line 36: only the tab is a problem.
    const lines = minimal
      .replace('  title: Minimal test scenario', '  title: 第一阶段：道歉')
      .replace('  replicates: 4', '\treplicates: 4');
    expect(errorsOf(lines).map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '38:1 YAML: Tabs are not allowed as indentation',
    ]);
  });

  it('leave tabs between the items of a JSON file alone: a missing comma is the problem', () => {
    const json = readFixture('valid/minimal.json').replace('"version": 1,', '"version": 1');
    const errors = errorsOf(json);
    expect(errors.some((e) => /Tabs/.test(e.message))).toBe(false);
    expect(errors[0]).toMatchObject({ line: 2, col: 13 });
    expect(errors[0]!.hint).toMatch(/comma/);
  });

  it('are each reported at their own line and column, with the rest of the file still checked', () => {
    const text = minimal
      .replace('    severity: 0.6', '    severity：0.6')
      .replace('  baseline: silent', '  baseline: silent\n  seed: [1, 2');
    expect(errorsOf(text).map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '19:13 YAML: a full-width colon "：" after a key',
      '38:9 YAML: this "[" is never closed',
    ]);
  });
});

describe('a line out of place', () => {
  const shown = (text: string) => errorsOf(text).map((e) => `${e.line}:${e.col} ${e.message} — ${e.hint}`);
  const teaching = readFileSync(
    fileURLToPath(new URL('../../scenarios/teaching/apology-vs-denial.yaml', import.meta.url)),
    'utf8',
  );

  it('is reported alone, not with YAML’s complaints about each line below it in the same block', () => {
    // Line 37 is `      agents: 500`, in the first segment; four lines of that segment follow it.
    expect(teaching.split('\n')[36]).toBe('      agents: 500');
    const indent = (spaces: number) =>
      teaching.replace('\n      agents: 500\n', `\n${' '.repeat(spaces)}agents: 500\n`);
    expect(shown(indent(5))).toEqual([
      '37:6 YAML: Sequence item without - indicator — check the indentation: line this key up with the keys above it, or start a new list item with "- "',
    ]);
    expect(shown(indent(7))).toEqual([
      '37:8 YAML: All mapping items must start at the same column — check the indentation: items of one map or list start in the same column',
    ]);
  });

  it('leaves problems in other blocks reported', () => {
    const text = minimal
      .replace('      agents: 200\n', '     agents: 200\n')
      .replace('    severity: 0.6\n', '     severity: 0.6\n')
      .replace('  baseline: silent\n', '  baseline: silent\n  seed: [1, 2\n');
    expect(shown(text)).toEqual([
      '13:6 YAML: Sequence item without - indicator — check the indentation: line this key up with the keys above it, or start a new list item with "- "',
      '19:6 YAML: this line is indented further than the line above it — keys of one map start in the same column: remove the extra spaces',
      '38:9 YAML: this "[" is never closed — close it with "]" on the same line, or write the list as indented lines instead',
    ]);
  });
});

describe('a list and a map mixed under one key', () => {
  const shown = (text: string) => errorsOf(text).map((e) => `${e.line}:${e.col} ${e.message} — ${e.hint}`);
  const keyInList = (at: string, line: string) =>
    `${at} YAML: a list and a map mixed under one key: this line is key: value, the entries above it start with "- " — every entry of a list starts with "- ": write "- ${line}" if this starts a new entry, or indent it by 2 more spaces if it belongs to the entry above`;
  const itemInMap = (at: string, line: string) =>
    `${at} YAML: a list and a map mixed under one key: this line starts a list entry with "- ", the lines above it are key: value — under one key, write a list (every entry starts with "- ") or a map (every line is key: value), not both: remove the "- " if this is one more key, or move "${line}" out if a list is meant`;

  it('says so at a key: value line among list entries, whatever follows it', () => {
    // The dash left out of a strategy; YAML said "All mapping items must start at the same column" and more.
    expect(shown(minimal.replace('  - id: apologise\n', '  id: apologise\n'))).toEqual([
      keyInList('27:3', 'id: apologise'),
    ]);
    // A key between two strategies; YAML also said "A block sequence may not be used as an implicit map key".
    expect(
      shown(
        minimal.replace('    rules: []\n  - id: apologise', '    rules: []\n  note: x\n  - id: apologise'),
      ),
    ).toEqual([keyInList('27:3', 'note: x')]);
    // Inside a rule list, and a segment key two spaces short (at the column of the "- ").
    expect(
      shown(minimal.replace('        do: apology\n', '        do: apology\n      incident: fridge\n')),
    ).toEqual([keyInList('31:7', 'incident: fridge')]);
    expect(shown(minimal.replace('      agents: 200\n', '    agents: 200\n'))).toEqual([
      keyInList('13:5', 'agents: 200'),
    ]);
  });

  it('says so at a list entry among key: value lines, at its "-"', () => {
    // YAML said "A block sequence may not be used as an implicit map key" at column 1.
    expect(
      shown(
        minimal.replace('  title: Minimal test scenario\n', '  title: Minimal test scenario\n  - slug: x\n'),
      ),
    ).toEqual([itemInMap('6:3', 'title: Minimal test scenario')]);
    expect(shown(minimal.replace('version: 1\n', 'version: 1\n- meta\n'))).toEqual([
      '4:1 YAML: a list and a map mixed at the top level: this line starts a list entry with "- ", the lines above it are key: value — the top level of a scenario is a map (every line is key: value): remove the "- ", or indent the list under the key it belongs to',
    ]);
  });
});

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order, in one pass, lengths may change', () => {
    expect(
      applyEdits('a：b，c\n\tx', [
        { from: 6, to: 7, by: '  ' },
        { from: 1, to: 2, by: ':' },
        { from: 3, to: 4, by: ',' },
      ]),
    ).toBe('a:b,c\n  x');
    expect(applyEdits('abc', [])).toBe('abc');
    // An edit overlapping an earlier one is skipped.
    expect(
      applyEdits('abcd', [
        { from: 0, to: 2, by: 'X' },
        { from: 1, to: 3, by: 'Y' },
      ]),
    ).toBe('Xcd');
  });
});

describe('a comma with nothing after it', () => {
  const shown = (text: string) => errorsOf(text).map((e) => `${e.line}:${e.col} ${e.message} — ${e.hint}`);

  it('is reported at the comma, which is to be removed', () => {
    // YAML said "Unexpected scalar at node end", with no hint.
    expect(shown('{ "version": 1 }\n,\n')).toEqual([
      '2:1 YAML: a "," after the closing "}" at the end of the file — a comma after the last item: remove it',
    ]);
    expect(shown('[{ "version": 1 }],\n')).toEqual([
      '1:19 YAML: a "," after the closing "]" at the end of the file — a comma after the last item: remove it',
    ]);
    expect(shown(minimal.replace('integrity: 0.1 }\n', 'integrity: 0.1 },\n'))).toEqual([
      '17:66 YAML: a "," after the closing "}" — a comma after the last item: remove it (YAML needs no comma at the end of a line)',
    ]);
  });

  it('is not blamed when something follows the comma', () => {
    const [e] = errorsOf('{ "version": 1 },\n{ "version": 2 }\n');
    expect(e?.message).not.toMatch(/,/);
  });
});
