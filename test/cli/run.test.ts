/**
 * `trustsim run` and `trustsim init`, in-process: the output contract (timeseries.csv, summary.json,
 * manifest.json), CSV on stdout without --out, exit 2 for bad input with nothing written (no folder, no
 * temporary sibling, a previous folder left untouched), and a starter scenario that validates and runs.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_SCENARIO } from '../../sim/cli/starterScenario';
import { loadScenario } from '../../sim/io/loadScenario';
import { cli, parseCsv, ROOT, stackLines, tempDir } from '../helpers/cli';

const tmp = tempDir('trustsim-run-');
afterAll(tmp.cleanup);

const starter = join(tmp.dir, 'starter.yaml');
const broken = join(tmp.dir, 'broken.yaml');
const STARTER_IDS = ['token-voucher', 'silence', 'honour', 'wait-then-pay'];

beforeAll(async () => {
  const r = await cli('init', starter);
  expect(r.code).toBe(0);
  writeFileSync(broken, STARTER_SCENARIO.replace('  language: en', '  langauge: en'));
});

describe('trustsim init', () => {
  it('in the clone, as the README does (`npx trustsim init my-case.yaml`), leaves `npm run lint` clean', async () => {
    // The schema written beside the starter is generated JSON in another layout than biome's: `npm test` failed
    // on it after the README's step 7.
    const dir = join(ROOT, `init-lint-${process.pid}`);
    mkdirSync(dir);
    try {
      expect((await cli('init', join(dir, 'my-case.yaml'))).code).toBe(0);
      // A JSON starter too (`trustsim init my-case.json`), and a user's own file in another layout: biome checks
      // only the project's own folders and files, so nothing a user keeps in the clone fails `npm test`.
      expect((await cli('init', join(dir, 'my-case.json'))).code).toBe(0);
      writeFileSync(join(dir, 'notes.json'), '{"compact":[1,2]}');
      const biome = spawnSync(
        join(ROOT, 'node_modules/.bin/biome'),
        [
          'check',
          '--no-errors-on-unmatched',
          join(dir, 'scenario.schema.json'),
          join(dir, 'my-case.yaml'),
          join(dir, 'my-case.json'),
          join(dir, 'notes.json'),
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(biome.status, biome.stdout + biome.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the commented starter scenario and the schema its header names beside it', () => {
    const text = readFileSync(starter, 'utf8');
    expect(text).toContain('yaml-language-server: $schema=./scenario.schema.json');
    const schema = JSON.parse(readFileSync(join(tmp.dir, 'scenario.schema.json'), 'utf8'));
    expect(schema.properties.strategies).toBeDefined();
    expect(text).toMatch(/^# /m);
    expect(text).toContain(`trustsim validate ${starter}`);
  });

  it('the starter validates', async () => {
    const r = await cli('validate', starter);
    expect(r.code).toBe(0);
    expect(r.out).toContain(': ok (3 segments, 1 incident, 4 strategies)');
  });

  it('the starter runs (--scale 0.2)', async () => {
    const r = await cli('run', starter, '--scale', '0.2');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('strategy,replicate,day,date,segment,metric,value\n')).toBe(true);
  });

  it('a .json name gets the starter as JSON, naming the schema, and it validates to the same scenario', async () => {
    const file = join(tmp.dir, 'starter.json');
    const r = await cli('init', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/JSON has no comments/);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.$schema).toBe('./scenario.schema.json');
    expect(json.version).toBe(1);
    const v = await cli('validate', file);
    expect(v.code).toBe(0);
    const [fromJson, fromYaml] = await Promise.all([loadScenario(file), loadScenario(starter)]);
    if (!fromJson.ok || !fromYaml.ok) throw new Error('a starter does not load');
    const { $schema: _, ...scenario } = fromJson.scenario as typeof fromJson.scenario & { $schema?: string };
    expect(scenario).toEqual(fromYaml.scenario);
  });

  it('a file in a folder that does not exist: exit 2 and a plain message, not an internal error', async () => {
    const r = await cli('init', join(tmp.dir, 'no-such-folder', 'x.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write .*x\.yaml: its folder does not exist/);
    expect(stackLines(r.err)).toEqual([]);
  });

  it('refuses to overwrite without --force (exit 2, file unchanged), overwrites with it', async () => {
    const target = join(tmp.dir, 'mine.yaml');
    writeFileSync(target, 'my own work\n');
    const r = await cli('init', target);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists/);
    expect(r.err).toMatch(/--force/);
    expect(readFileSync(target, 'utf8')).toBe('my own work\n');
    const f = await cli('init', target, '--force');
    expect(f.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('version: 1');
  });
});

describe('trustsim run --out', () => {
  const out = join(tmp.dir, 'run-out');
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    result = await cli('run', starter, '--strategy', 'honour', '--seed', '3', '--scale', '0.2', '--out', out);
  });

  it('exits 0, lists the files it wrote on stdout, logs and warns on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `${['timeseries.csv', 'summary.json', 'manifest.json'].map((f) => join(out, f)).join('\n')}\n`,
    );
    expect(result.err).toMatch(/ran honour/);
    expect(result.err).toMatch(/^warning: A single replicate has no spread/m);
  });

  it('writes exactly timeseries.csv, summary.json and manifest.json', () => {
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'summary.json', 'timeseries.csv']);
    // No temporary sibling folders left behind.
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('run-out.'))).toEqual([]);
  });

  it('timeseries.csv: tidy rows with a numeric value', () => {
    const { header, rows } = parseCsv(readFileSync(join(out, 'timeseries.csv'), 'utf8'));
    expect(header).toBe('strategy,replicate,day,date,segment,metric,value');
    expect(rows.length).toBeGreaterThan(1000);
    const days = new Set<number>();
    const odd: string[][] = [];
    for (const row of rows) {
      const ok =
        row.length === 7 &&
        row[0] === 'honour' &&
        row[1] === '0' &&
        /^\d{4}-\d{2}-\d{2}$/.test(row[3]) &&
        row[6] !== '' &&
        Number.isFinite(Number(row[6]));
      if (!ok) odd.push(row);
      days.add(Number(row[2]));
    }
    expect(odd.slice(0, 5)).toEqual([]);
    // 2025-11-01 .. 2026-01-15 inclusive.
    expect(days.size).toBe(76);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['all', 'buyers', 'fans', 'public']));
    const trust0 = rows.find((r) => r[2] === '0' && r[4] === 'all' && r[5] === 'trust');
    expect(trust0?.[3]).toBe('2025-11-01');
  });

  it('summary.json: the compare contract for one strategy', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.seed).toBe(3);
    expect(s.replicates).toBe(1);
    expect(s.strategies.map((x: { id: string }) => x.id)).toEqual(['honour']);
    const trust = s.strategies[0].metrics.trust;
    expect(typeof trust.mean).toBe('number');
    expect(trust.lo).toBeLessThanOrEqual(trust.hi);
    // One replicate: no spread to estimate, said so in a warning.
    expect(trust.ci95).toBeNull();
    expect(trust.sd).toBeNull();
    expect(trust.n).toBe(1);
    expect(s.warnings.join(' ')).toMatch(/single replicate has no spread/);
    expect(typeof s.strategies[0].metrics.trust_auc.mean).toBe('number');
    expect(s.comparisons).toEqual([]);
    expect(Array.isArray(s.warnings)).toBe(true);
  });

  it('manifest.json: scenario hash, seed, trustsim and Node versions, options', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.scenarioHash).toMatch(/^[0-9a-f]{8,}$/);
    expect(m.seed).toBe(3);
    expect(m.trustsim).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.node).toBe(process.version);
    expect(m.strategies).toEqual(['honour']);
    expect(m.options).toMatchObject({ scale: 0.2, replicate: 0 });
  });

  it('is deterministic: the same run again writes the same bytes', async () => {
    const again = join(tmp.dir, 'run-again');
    const r = await cli(
      'run',
      starter,
      '--strategy',
      'honour',
      '--seed',
      '3',
      '--scale',
      '0.2',
      '--out',
      again,
    );
    expect(r.code).toBe(0);
    for (const f of ['timeseries.csv', 'summary.json', 'manifest.json'])
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
  });

  it('--format json writes summary.json and manifest.json only', async () => {
    const dir = join(tmp.dir, 'json-only');
    const r = await cli('run', starter, '--scale', '0.2', '--format', 'json', '--out', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
  });
});

describe('trustsim run without --out', () => {
  it('prints the CSV on stdout (the baseline strategy by default) and nothing else there', async () => {
    const r = await cli('run', starter, '--scale', '0.2', '--replicate', '2');
    expect(r.code).toBe(0);
    const { header, rows } = parseCsv(r.out);
    expect(header).toBe('strategy,replicate,day,date,segment,metric,value');
    expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['token-voucher']));
    expect(new Set(rows.map((x) => x[1]))).toEqual(new Set(['2']));
    for (const row of rows.slice(0, 500)) expect(Number.isFinite(Number(row[6]))).toBe(true);
  });

  it('--format json prints summary.json on stdout', async () => {
    const r = await cli('run', starter, '--scale', '0.2', '--format', 'json', '--strategy', 'silence');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).strategies[0].id).toBe('silence');
  });
});

describe('bad input: exit 2, a clear message, nothing written', () => {
  it("--out never destroys what is there: a file, the scenario, or a folder of the user's files", async () => {
    const mine = join(tmp.dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.docx'), 'thesis');
    const scenarioCopy = join(mine, 'case.yaml');
    writeFileSync(scenarioCopy, readFileSync(starter, 'utf8'));
    for (const [argv, message] of [
      [
        ['run', starter, '--out', mine],
        /already holds files trustsim did not write \(case\.yaml, thesis\.docx\)/,
      ],
      [
        ['run', scenarioCopy, '--out', scenarioCopy],
        /is the scenario file itself; it would be replaced by a folder\nhint: --out names the folder to write into/,
      ],
      [
        ['compare', scenarioCopy, '--replicates', '1', '--out', join(mine, 'thesis.docx')],
        /is a file, not a folder/,
      ],
    ] as const) {
      const r = await cli(...argv, '--scale', '0.2', '-q');
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/^hint: /m);
      expect(stackLines(r.err)).toEqual([]);
    }
    expect(readdirSync(mine).sort()).toEqual(['case.yaml', 'thesis.docx']);
    expect(readFileSync(join(mine, 'thesis.docx'), 'utf8')).toBe('thesis');
    // An earlier output folder is replaced whole.
    const out = join(tmp.dir, 'again');
    expect((await cli('run', starter, '--scale', '0.2', '--out', out)).err).not.toMatch(/replacing/);
    const again = await cli('run', starter, '--scale', '0.2', '--out', out);
    expect(again.code).toBe(0);
    expect(again.err).toContain(`replacing ${out}, written by an earlier run`);
  });

  it('a read-only earlier output folder is refused (exit 2), not replaced, and left as it was', async () => {
    // It used to be swapped for a new writable folder; as a user without root, removing the old one then failed
    // halfway: an internal error (exit 1) and `<out>.old-<pid>-<n>` left beside it.
    const out = join(tmp.dir, 'kept');
    expect((await cli('run', starter, '--scale', '0.2', '-q', '--out', out)).code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    chmodSync(out, 0o555);
    try {
      const r = await cli('run', starter, '--strategy', 'silence', '--scale', '0.2', '-q', '--out', out);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`error: --out ${out} is read-only; it would be replaced`);
      expect(r.err).toMatch(
        /^hint: make it writable \(chmod -R u\+w .*\) or choose another folder with --out$/m,
      );
      expect(stackLines(r.err)).toEqual([]);
      expect(statSync(out).mode & 0o777).toBe(0o555);
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
      expect(readdirSync(tmp.dir).filter((f) => f.startsWith('kept.'))).toEqual([]);
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it('--strategy nope lists the ids', async () => {
    const dir = join(tmp.dir, 'nope-out');
    const r = await cli('run', starter, '--strategy', 'nope', '--scale', '0.2', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown strategy "nope"');
    for (const id of STARTER_IDS) expect(r.err).toContain(id);
    expect(stackLines(r.err)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it('a broken scenario with --out leaves no folder and no temporary sibling', async () => {
    const dir = join(tmp.dir, 'x');
    const r = await cli('run', broken, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.yaml:\d+:\d+: unknown key "langauge"/);
    expect(r.err).toMatch(/nothing was run or written/);
    expect(stackLines(r.err)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('x.'))).toEqual([]);
  });

  it('compare on a broken scenario with --out leaves no folder either', async () => {
    const dir = join(tmp.dir, 'cmp-x');
    const r = await cli('compare', broken, '--out', dir, '--replicates', '2');
    expect(r.code).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });

  it('a pre-existing output folder is left untouched', async () => {
    const dir = join(tmp.dir, 'previous');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'earlier results\n');
    const before = statSync(join(dir, 'keep.txt')).mtimeMs;
    for (const argv of [
      ['run', broken, '--out', dir],
      ['run', starter, '--strategy', 'nope', '--out', dir],
      ['compare', broken, '--out', dir],
      ['compare', starter, '--strategies', 'silence,nope', '--out', dir, '--scale', '0.2'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(readdirSync(dir)).toEqual(['keep.txt']);
      expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('earlier results\n');
      expect(statSync(join(dir, 'keep.txt')).mtimeMs).toBe(before);
    }
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('previous.'))).toEqual([]);
  });
});
