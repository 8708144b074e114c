/**
 * manifest.json's `rerun` line: run as written, it gives the same bytes, for compare with every output-shaping
 * option away from its default (a strategy subset without passive-firefighting, another baseline, a scale, a
 * CI-width warning, raw rows) and for run with another replicate; shell quoting survives a real shell.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, shellWord, shellWords } from '../../sim/io/manifest';
import { cli, tempDir } from '../helpers/cli';

const tmp = tempDir('trustsim-manifest-');
afterAll(tmp.cleanup);
const scenario = join(tmp.dir, 'my case.yaml');

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json')) as Record<string, unknown>;

beforeAll(async () => {
  expect((await cli('init', scenario)).code).toBe(0);
});

describe('shellWord', () => {
  it('leaves plain words bare and quotes the rest so that sh reads them back unchanged', () => {
    expect(shellWord('--seed')).toBe('--seed');
    expect(shellWord('a,b-c')).toBe('a,b-c');
    const odd = ['my case.yaml', "it's", 'a"b', '$HOME', 'x;y', ''];
    for (const w of odd) expect(shellWord(w)).not.toBe(w);
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${odd.map(shellWord).join(' ')}`], {
      encoding: 'utf8',
    });
    expect(echoed).toBe(`${odd.join('\n')}\n`);
  });
});

describe('buildManifest', () => {
  it('writes a scenario path that starts with "-" as ./-… in the rerun line, so it is not read as an option', () => {
    const m = buildManifest({
      command: 'run',
      scenarioFile: '-dash case.yaml',
      seed: 1,
      replicates: 1,
      strategies: ['s'],
      baseline: null,
      options: {},
      rerunArgs: ['--strategy', 's'],
    });
    expect(m.rerun).toBe("trustsim run './-dash case.yaml' --strategy s");
    expect(m.scenario).toBe('-dash case.yaml');
  });
});

describe('compare: the rerun line reproduces the outputs', () => {
  const first = join(tmp.dir, 'first');
  const again = join(tmp.dir, 'again');
  let manifest: Record<string, unknown>;

  beforeAll(async () => {
    const r = await cli(
      'compare',
      scenario,
      '--strategies',
      'silence,honour,token-voucher',
      '--baseline',
      'silence',
      '--replicates',
      '2',
      '--seed',
      '7',
      '--scale',
      '0.2',
      '--ci-width',
      '0.0001',
      '--raw',
      '--no-report',
      '--workers',
      '1',
      '-q',
      '--out',
      first,
    );
    expect(r.code, r.err).toBe(0);
    manifest = manifestOf(first);
  });

  it('names every option that shapes the outputs', () => {
    const rerun = shellWords(String(manifest.rerun));
    expect(rerun.slice(0, 3)).toEqual(['trustsim', 'compare', scenario]);
    const flags = rerun.slice(3).join(' ');
    for (const part of [
      '--seed 7',
      '--replicates 2',
      '--strategies silence,honour,token-voucher',
      '--baseline silence',
      '--scale 0.2',
      '--ci-width 0.0001',
      '--raw',
      '--no-report',
    ])
      expect(flags).toContain(part);
    expect(manifest.replicateSeeds).toMatch(/r = 0\.\.1$/);
    expect(JSON.parse(read(first, 'summary.json')).warnings.length).toBeGreaterThan(0);
  });

  it('run as written (into another folder), it writes the same bytes', async () => {
    const argv = shellWords(String(manifest.rerun)).slice(1);
    const r = await cli(...argv, '-q', '--out', again);
    expect(r.code, r.err).toBe(0);
    for (const f of ['summary.json', 'timeseries.csv', 'raw.csv', 'manifest.json'])
      expect(read(again, f), f).toBe(read(first, f));
  });
});

describe('run: the rerun line reproduces the outputs', () => {
  it('keeps the replicate, scale and format, and prints the same rows', async () => {
    const first = join(tmp.dir, 'run-first');
    const r = await cli(
      'run',
      scenario,
      '--strategy',
      'honour',
      '--replicate',
      '3',
      '--scale',
      '0.2',
      '--seed',
      '11',
      '-q',
      '--out',
      first,
    );
    expect(r.code, r.err).toBe(0);
    const manifest = manifestOf(first);
    expect(manifest.replicateSeeds).toMatch(/r = 3$/);
    const argv = shellWords(String(manifest.rerun)).slice(1);
    expect(argv.join(' ')).toContain('--replicate 3');
    // Without --out, run prints its CSV rows: the same bytes as timeseries.csv.
    const again = await cli(...argv, '-q');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toBe(read(first, 'timeseries.csv'));
  });
});

describe('manifest: an edge list the scenario reads', () => {
  it('is named and hashed beside the scenario, so a changed edge list shows in the manifest', async () => {
    const dir = join(tmp.dir, 'edges');
    mkdirSync(dir);
    const src = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
    for (const f of ['edge-list-file.yaml', 'edge-list-file.edges.txt'])
      copyFileSync(join(src, f), join(dir, f));
    const outA = join(tmp.dir, 'edges-a');
    const a = await cli('run', join(dir, 'edge-list-file.yaml'), '-q', '--out', outA);
    expect(a.code, a.err).toBe(0);
    const ma = manifestOf(outA);
    expect(String(ma.edgeListFile)).toMatch(/edge-list-file\.edges\.txt$/);
    expect(ma.edgeListHash).toMatch(/^[0-9a-f]+$/);
    appendFileSync(join(dir, 'edge-list-file.edges.txt'), '\n');
    const outB = join(tmp.dir, 'edges-b');
    expect((await cli('run', join(dir, 'edge-list-file.yaml'), '-q', '--out', outB)).code).toBe(0);
    const mb = manifestOf(outB);
    expect(mb.scenarioHash).toBe(ma.scenarioHash);
    expect(mb.edgeListHash).not.toBe(ma.edgeListHash);
    // Scenarios without an edge list have neither key.
    expect(manifestOf(join(tmp.dir, 'first')).edgeListHash).toBeUndefined();
  });
});
