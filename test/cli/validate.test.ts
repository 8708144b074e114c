/**
 * `trustsim validate`: every shipped scenario is valid; a broken file gets every problem as
 * `file:line:col: message`, exit 2 and no stack trace unless --debug.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_SCENARIO } from '../../sim/cli/starterScenario';
import { cli, shippedScenarios, stackLines, tempDir } from '../helpers/cli';

const tmp = tempDir('trustsim-validate-');
afterAll(tmp.cleanup);

/** The starter scenario with a typo'd key (line 10), a text where a number goes (line 41) and an out-of-range severity (line 54). */
function brokenScenario(): string {
  let text = STARTER_SCENARIO;
  for (const [from, to] of [
    ['  language: en', '  langauge: en'],
    ['meanDegree: 16', 'meanDegree: abc'],
    ['severity: 0.6', 'severity: 1.7'],
  ]) {
    if (!text.includes(from)) throw new Error(`the starter scenario no longer has "${from}"`);
    text = text.replace(from, to);
  }
  return text;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains "${needle}"`);
  return i + 1;
}

describe('trustsim validate', () => {
  const files = shippedScenarios();

  it('finds the shipped scenarios, the flagship among them', () => {
    expect(files.some((f) => f.endsWith('xiaomi-trust-crisis-2025.yaml'))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(f.indexOf('scenarios/')), f]))(
    '%s is valid (exit 0)',
    async (_, file) => {
      const r = await cli('validate', file);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/: ok \(\d+ segments?, \d+ incidents?, \d+ (strategy|strategies)\)/);
    },
  );

  it('takes all of them at once (exit 0, one ok line each)', async () => {
    const r = await cli('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(files.length);
  });

  const text = brokenScenario();
  const bad = join(tmp.dir, 'broken.yaml');
  writeFileSync(bad, text);

  it('a broken file: exit 2, every problem as file:line:col, no stack trace', async () => {
    const r = await cli('validate', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const located = r.err.split('\n').filter((l) => l.startsWith(`${bad}:`));
    // All three problems in one pass.
    expect(located).toHaveLength(3);
    for (const l of located) expect(l).toMatch(/^.+\.yaml:\d+:\d+: \S/);
    const typo = located.find((l) => l.includes('langauge'));
    expect(typo).toMatch(new RegExp(`:${lineOf(text, 'langauge')}:\\d+: `));
    expect(typo).toContain('did you mean "language"');
    const num = located.find((l) => l.includes('meanDegree'));
    expect(num).toMatch(new RegExp(`:${lineOf(text, 'meanDegree')}:\\d+: `));
    expect(num).toMatch(/expected a number/);
    const range = located.find((l) => l.includes('severity'));
    expect(range).toMatch(new RegExp(`:${lineOf(text, 'severity: 1.7')}:\\d+: `));
    expect(range).toMatch(/from 0 to 1/);
    expect(range).toContain('1.7');
    expect(r.err).toMatch(/^error: 1 of 1 file invalid$/m);
    expect(stackLines(r.err)).toEqual([]);
  });

  it('--debug adds the stack trace', async () => {
    const r = await cli('validate', bad, '--debug');
    expect(r.code).toBe(2);
    expect(stackLines(r.err).length).toBeGreaterThan(0);
  });

  it('a mix of good and bad files: exit 2, the good ones still reported ok', async () => {
    const r = await cli('validate', files[0], bad);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${files[0]}: ok`);
    expect(r.err).toMatch(/1 of 2 files invalid/);
  });

  it('a missing file and a YAML syntax error are located problems too, exit 2', async () => {
    const syntax = join(tmp.dir, 'syntax.yaml');
    writeFileSync(syntax, 'version: 1\nmeta: { title: "unclosed\n');
    const r = await cli('validate', syntax, join(tmp.dir, 'missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/syntax\.yaml:\d+:\d+: /);
    expect(r.err).toContain('missing.yaml');
    expect(stackLines(r.err)).toEqual([]);
  });
});
