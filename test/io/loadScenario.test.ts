import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, resolveBeside } from '../../sim/io/loadScenario';

const valid = (f: string) => fileURLToPath(new URL(`../fixtures/valid/${f}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'trustsim-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadScenario', () => {
  it('loads the minimal scenario', async () => {
    const r = await loadScenario(valid('minimal.yaml'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.meta.title).toBe('Minimal test scenario');
  });

  it('resolves an edge-list file relative to the scenario file', async () => {
    const r = await loadScenario(valid('edge-list-file.yaml'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.network.file).toBe(valid('edge-list-file.edges.txt'));
  });

  it('reports a missing edge-list file at its line and column', async () => {
    const file = join(tmp, 'missing-edges.yaml');
    const text = (await import('node:fs')).readFileSync(valid('edge-list-file.yaml'), 'utf8');
    writeFileSync(file, text);
    const r = await loadScenario(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 15, col: 9, path: 'network.file' });
  });

  it('reports a missing file, a folder and an oversized file without reading them', async () => {
    const missing = await loadScenario(join(tmp, 'nope.yaml'));
    expect(missing.ok === false && missing.errors[0]!.message).toBe('file not found');
    const folder = await loadScenario(tmp);
    expect(folder.ok === false && folder.errors[0]!.message).toMatch(/folder/);
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, `title: ${'x'.repeat(2000)}\n`);
    const r = await loadScenario(big, { maxBytes: 1000 });
    expect(r.ok === false && r.errors[0]!.message).toMatch(/too large/);
  });

  it('a file given by mistake: the teaching notes (naming the scenario beside them), a folder, a typo', async () => {
    const notes = await loadScenario('scenarios/teaching/apology-vs-denial.md');
    expect(notes.ok === false && notes.errors).toMatchObject([
      {
        message: 'this is a Markdown page (teaching notes?), not a scenario file',
        hint: 'the scenario beside it is scenarios/teaching/apology-vs-denial.yaml',
      },
    ]);
    const folder = await loadScenario('scenarios/teaching');
    expect(folder.ok === false && folder.errors[0]!.hint).toBe(
      'give one of the scenario files in it: scenarios/teaching/apology-vs-denial.yaml, scenarios/teaching/compensation-dose.yaml, scenarios/teaching/donation-during-dispute.yaml',
    );
    // Not the JSON Schema beside the flagship: it is no scenario.
    const top = await loadScenario('scenarios');
    expect(top.ok === false && top.errors[0]!.hint).toBe(
      'give one of the scenario files in it: scenarios/xiaomi-trust-crisis-2025.yaml',
    );
    const typo = await loadScenario('scenarios/teaching/apology-vs-denail.yaml');
    expect(typo.ok === false && typo.errors[0]).toMatchObject({
      message: 'file not found',
      hint: 'did you mean scenarios/teaching/apology-vs-denial.yaml?',
    });
    const noFolder = await loadScenario('scenarios/teachin/apology-vs-denial.yaml');
    expect(noFolder.ok === false && noFolder.errors[0]!.message).toBe(
      'file not found: the folder scenarios/teachin does not exist',
    );
  });

  it('an output folder given for the scenario: names its scenario, and report and verify', async () => {
    const out = join(tmp, 'out-folder');
    (await import('node:fs')).mkdirSync(out);
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ trustsim: '0.1.0', scenario: 'my-case.yaml' }),
    );
    const r = await loadScenario(out);
    expect(r.ok === false && r.errors[0]).toMatchObject({
      message: 'this is a folder, not a scenario file: an output folder trustsim wrote',
      hint: `its scenario was my-case.yaml; \`trustsim report ${out}\` rebuilds its report, \`trustsim verify ${out}\` reruns it`,
    });
    // A name with a space is quoted, so that the commands in the hint can be copied as they are.
    const spaced = join(tmp, 'my out');
    (await import('node:fs')).mkdirSync(spaced);
    writeFileSync(join(spaced, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0' }));
    const q = await loadScenario(spaced);
    expect(q.ok === false && q.errors[0]!.hint).toBe(
      `\`trustsim report '${spaced}'\` rebuilds its report, \`trustsim verify '${spaced}'\` reruns it`,
    );
  });

  it('UTF-16 text, with or without a byte-order mark: says to save it as UTF-8', async () => {
    const text = (await import('node:fs')).readFileSync(valid('minimal.yaml'), 'utf8');
    const le = [...Buffer.from(text, 'utf16le')];
    const be = le.map((_, i) => le[i ^ 1]!);
    for (const [name, bytes] of [
      ['le-bom.yaml', [0xff, 0xfe, ...le]],
      ['le.yaml', le],
      ['be-bom.yaml', [0xfe, 0xff, ...be]],
    ] as const) {
      const file = join(tmp, name);
      writeFileSync(file, Uint8Array.from(bytes));
      const r = await loadScenario(file);
      expect(r.ok === false && r.errors.map((e) => e.message), name).toEqual([
        'the file is saved as UTF-16 (“Unicode” in Windows Notepad), not UTF-8',
      ]);
    }
  });

  it('decodes invalid UTF-8 to a positioned error', async () => {
    const file = join(tmp, 'latin1.yaml');
    writeFileSync(file, new Uint8Array(Buffer.from('version: 1\nmeta:\n  title: caf\xe9\n', 'latin1')));
    const r = await loadScenario(file);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        line: 3,
        col: 13,
        message: expect.stringMatching(/invalid UTF-8/),
      });
  });

  it('checks memory against the machine unless told otherwise', async () => {
    const file = join(tmp, 'huge.yaml');
    const text = (await import('node:fs'))
      .readFileSync(valid('minimal.yaml'), 'utf8')
      .replace('agents: 200', 'agents: 20000000');
    writeFileSync(file, text);
    const small = await loadScenario(file, { availableBytes: 1024 ** 3 });
    expect(small.ok).toBe(false);
    const scaled = await loadScenario(file, { availableBytes: 1024 ** 3, scale: 0.001 });
    expect(scaled.ok).toBe(true);
  });

  it('resolves relative paths beside the scenario and keeps absolute ones', () => {
    expect(resolveBeside('/a/b/s.yaml', 'g.txt')).toBe('/a/b/g.txt');
    expect(resolveBeside('/a/b/s.yaml', '/x/g.txt')).toBe('/x/g.txt');
  });
});
