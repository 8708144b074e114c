/**
 * `trustsim compare` and `trustsim report`, in-process, on the starter scenario (4 replicates at scale 0.2):
 * the summary.json / timeseries.csv / manifest.json contract, the report files, and `report <dir>`
 * rebuilding the report from report-input.json without simulating (the scenario is deleted first).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutDir } from '../../sim/io/atomicDir';
import { loadScenario } from '../../sim/io/loadScenario';
import { cli, parseCsv, ROOT, stackLines, tempDir } from '../helpers/cli';

const REQUIRED_METRICS = [
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'nps',
  'aware_share',
  'grievance',
  'complaints',
  'wom_negative',
  'wom_positive',
  'media_attention',
  'rights_group_size',
  'lawsuits',
  'churned',
  'purchases',
  'response_cost_cny',
  'revenue_lost_cny',
  'clv_lost_cny',
  'net_cny',
];

interface Stats {
  mean: number;
  lo: number;
  hi: number;
  ci95: [number, number];
}
interface Summary {
  scenario: string;
  seed: number;
  replicates: number;
  baseline: string | null;
  strategies: Array<{ id: string; label: string; metrics: Record<string, Stats> }>;
  comparisons: Array<{
    strategy: string;
    baseline: string;
    metric: string;
    diff: number;
    lo: number;
    hi: number;
    pBetter: number;
  }>;
  warnings: string[];
}

const tmp = tempDir('trustsim-compare-');
afterAll(tmp.cleanup);
const scenarioFile = join(tmp.dir, 'case.yaml');
const out = join(tmp.dir, 'out');
let ids: string[] = [];
let run: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  expect((await cli('init', scenarioFile)).code).toBe(0);
  const loaded = await loadScenario(scenarioFile);
  if (!loaded.ok) throw new Error('the starter scenario does not load');
  ids = loaded.scenario.strategies.map((s) => s.id);
  run = await cli(
    'compare',
    scenarioFile,
    '--replicates',
    '4',
    '--scale',
    '0.2',
    '--seed',
    '11',
    '--workers',
    '1',
    '--raw',
    '--out',
    out,
  );
});

describe('trustsim compare', () => {
  it('exits 0 and lists the files it wrote on stdout; logs on stderr', () => {
    expect(run.err).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    // Every file in the folder, and nothing else, one per line.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    expect(run.out.trim().split('\n').sort()).toEqual(files(out).sort());
    for (const f of [
      'summary.json',
      'raw.csv',
      'report-input.json',
      'report.html',
      join('charts', 'trust-over-time.svg'),
    ])
      expect(run.out).toContain(join(out, f));
    expect(run.err).toMatch(/compared 4 strategies × 4 replicates/);
  });

  it('writes summary.json, timeseries.csv, manifest.json, raw.csv, report.html, report.ipynb and SVG charts', () => {
    const files = readdirSync(out);
    for (const f of [
      'summary.json',
      'timeseries.csv',
      'manifest.json',
      'raw.csv',
      'report.html',
      'report.ipynb',
      'report-input.json',
      'charts',
    ])
      expect(files).toContain(f);
    const svgs = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(readFileSync(join(out, 'charts', svg), 'utf8')).toMatch(/<svg[\s>]/);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('out.'))).toEqual([]);
  });

  it('report-input.json gives each segment its agent count (at --scale 0.2), and the report says what an agent weighs', () => {
    const input = JSON.parse(readFileSync(join(out, 'report-input.json'), 'utf8'));
    const segments = input.scenario.segments as Array<{ size: number; agents: number }>;
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments) expect(Number.isInteger(s.agents) && s.agents >= 1).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(
      /Each simulated agent stands for between [\d.,]+ real/,
    );
  });

  describe('summary.json', () => {
    let s: Summary;
    beforeAll(() => {
      s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    });

    it('has scenario, seed, replicates, strategies, comparisons and warnings', () => {
      expect(typeof s.scenario).toBe('string');
      expect(s.scenario.length).toBeGreaterThan(0);
      expect(s.seed).toBe(11);
      expect(s.replicates).toBe(4);
      expect(Array.isArray(s.comparisons)).toBe(true);
      expect(Array.isArray(s.warnings)).toBe(true);
    });

    it('strategy ids are exactly the scenario’s, in its order, each with a label', () => {
      expect(s.strategies.map((x) => x.id)).toEqual(ids);
      for (const st of s.strategies) expect(typeof st.label).toBe('string');
    });

    it('every strategy has every required metric with mean, lo ≤ hi and ci95 = [a ≤ b]', () => {
      for (const st of s.strategies) {
        for (const name of REQUIRED_METRICS) {
          for (const key of [name, `${name}_auc`]) {
            const m = st.metrics[key];
            expect(m, `${st.id} ${key}`).toBeDefined();
            expect(Number.isFinite(m.mean), `${st.id} ${key}`).toBe(true);
            expect(m.lo).toBeLessThanOrEqual(m.hi);
            expect(m.ci95).toHaveLength(2);
            expect(m.ci95[0]).toBeLessThanOrEqual(m.ci95[1]);
            expect(m.mean).toBeGreaterThanOrEqual(m.ci95[0] - 1e-9 * Math.abs(m.mean));
            expect(m.mean).toBeLessThanOrEqual(m.ci95[1] + 1e-9 * Math.abs(m.mean));
          }
        }
        const t = st.metrics.trust;
        expect(t.mean).toBeGreaterThan(0);
        expect(t.mean).toBeLessThan(1);
      }
    });

    it('comparisons: every other strategy against the scenario’s baseline, lo ≤ hi, pBetter in [0, 1]', () => {
      expect(s.baseline).toBe('token-voucher');
      expect(s.comparisons.length).toBeGreaterThan(0);
      for (const c of s.comparisons) {
        expect(c.baseline).toBe('token-voucher');
        expect(ids).toContain(c.strategy);
        expect(c.strategy).not.toBe('token-voucher');
        expect(Number.isFinite(c.diff)).toBe(true);
        expect(c.lo).toBeLessThanOrEqual(c.hi);
        expect(c.pBetter).toBeGreaterThanOrEqual(0);
        expect(c.pBetter).toBeLessThanOrEqual(1);
      }
      for (const id of ids.filter((x) => x !== 'token-voucher'))
        for (const metric of ['trust', 'complaints', 'net_cny'])
          expect(s.comparisons.some((c) => c.strategy === id && c.metric === metric)).toBe(true);
    });

    it('the paired difference of trust is the difference of the means', () => {
      const mean = (id: string) => s.strategies.find((x) => x.id === id)!.metrics.trust.mean;
      for (const id of ids.filter((x) => x !== 'token-voucher')) {
        const c = s.comparisons.find(
          (x) => x.strategy === id && x.metric === 'trust' && (x as { segment?: string }).segment === 'all',
        )!;
        expect(c.diff).toBeCloseTo(mean(id) - mean('token-voucher'), 12);
      }
    });

    it('warns that 4 replicates are too few', () => {
      expect(s.warnings.some((w) => /\b4 replicates\b/.test(w))).toBe(true);
      expect(run.err).toMatch(/^warning: .*replicates/m);
    });
  });

  it('timeseries.csv: strategy,day,date,segment,metric,mean,lo,hi with numbers, lo ≤ hi', () => {
    const { header, rows } = parseCsv(readFileSync(join(out, 'timeseries.csv'), 'utf8'));
    expect(header).toBe('strategy,day,date,segment,metric,mean,lo,hi');
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(ids));
    const odd = rows.filter((r) => {
      const [mean, lo, hi] = r.slice(5).map(Number);
      return (
        r.length !== 8 || !Number.isFinite(mean) || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi
      );
    });
    expect(odd.slice(0, 5)).toEqual([]);
    const metrics = new Set(rows.map((r) => r[4]));
    for (const m of REQUIRED_METRICS) expect(metrics.has(m), m).toBe(true);
  });

  it('raw.csv (--raw): the per-replicate rows of every strategy', () => {
    const { header, rows } = parseCsv(readFileSync(join(out, 'raw.csv'), 'utf8'));
    expect(header).toBe('strategy,replicate,day,date,segment,metric,value');
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['0', '1', '2', '3']));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(ids));
  });

  it('manifest.json: scenario hash, seed, versions, replicates, strategies and the branching saving', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.scenarioHash).toMatch(/^[0-9a-f]{8,}$/);
    expect(m.seed).toBe(11);
    expect(m.replicates).toBe(4);
    expect(m.trustsim).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.node).toBe(process.version);
    expect(m.strategies).toEqual(ids);
    expect(m.branching.worldDaysSimulated).toBeLessThanOrEqual(m.branching.worldDaysWithoutBranching);
    expect(m.branching.saving).toBeGreaterThanOrEqual(0);
  });
});

describe('trustsim compare without a baseline', () => {
  it('says that there are no paired differences, and how to get them', async () => {
    const file = join(tmp.dir, 'no-baseline.yaml');
    writeFileSync(file, readFileSync(scenarioFile, 'utf8').replace(/^ {2}baseline: .*\n/m, ''));
    const dir = join(tmp.dir, 'no-baseline-out');
    const r = await cli(
      'compare',
      file,
      '--replicates',
      '2',
      '--scale',
      '0.2',
      '--workers',
      '1',
      '--no-report',
      '-q',
      '--out',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `note: no baseline (the scenario has no outputs.baseline), so there are no paired differences; add --baseline ${ids[0]} or outputs.baseline to the scenario`,
    );
    const s: Summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(s.baseline).toBeNull();
    expect(s.comparisons).toEqual([]);
  });
});

describe('trustsim compare --baseline', () => {
  it('an id that is no strategy: "unknown strategy", with a did-you-mean (not "add it to --strategies")', async () => {
    const dir = join(tmp.dir, 'bad-baseline-out');
    const typo = `${ids[1]!.slice(0, -1)}x`;
    const r = await cli('compare', scenarioFile, '--baseline', typo, '--replicates', '2', '-q', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: unknown strategy "${typo}" (did you mean "${ids[1]}"?)`);
    expect(r.err).not.toContain('not among the strategies compared');
    expect(stackLines(r.err)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('trustsim report', () => {
  it('on a folder without report-input.json: exit 2 and a clear message', async () => {
    const r = await cli('report', tmp.dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('report-input.json');
    expect(r.err).toMatch(/not found/);
    expect(r.err).toMatch(/trustsim compare/);
    expect(stackLines(r.err)).toEqual([]);
  });

  it('on a folder that does not exist, or a file: says so, with a hint, exit 2', async () => {
    // Before: "…/nowhere/report-input.json: not found. This folder holds no trustsim outputs…".
    const nowhere = await cli('report', join(tmp.dir, 'nowhere'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain(
      `error: ${join(tmp.dir, 'nowhere')}: no such folder\nhint: give the folder`,
    );
    expect(existsSync(join(tmp.dir, 'nowhere'))).toBe(false);
    const file = join(tmp.dir, 'a-file.txt');
    writeFileSync(file, 'x');
    const onFile = await cli('report', file);
    expect(onFile.code).toBe(2);
    expect(onFile.err).toContain(`error: ${file} is a file, not a folder\nhint: give the folder`);
    expect(stackLines(nowhere.err + onFile.err)).toEqual([]);
  });

  it('on a folder of other files: the hint does not suggest writing the comparison into it', async () => {
    const mine = join(tmp.dir, 'my-notes');
    mkdirSync(mine, { recursive: true });
    writeFileSync(join(mine, 'notes.txt'), 'mine\n');
    const r = await cli('report', mine);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds no trustsim outputs/);
    expect(r.err).not.toContain(`--out ${mine}`);
    // compare would indeed refuse that folder.
    const c = await cli('compare', scenarioFile, '--out', mine);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/already holds files trustsim did not write \(notes\.txt\)/);
  });

  it('on a compare --no-report folder: exit 2, and the hint is its own rerun line without --no-report', async () => {
    const bare = join(tmp.dir, 'bare');
    const c = await cli(
      'compare',
      scenarioFile,
      '--replicates',
      '2',
      '--scale',
      '0.2',
      '--no-report',
      '-q',
      '--out',
      bare,
    );
    expect(c.code, c.err).toBe(0);
    const r = await cli('report', bare);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/written by `trustsim compare --no-report`/);
    const rerun = JSON.parse(readFileSync(join(bare, 'manifest.json'), 'utf8')).rerun as string;
    expect(r.err).toContain(`${rerun.replace(' --no-report', '')} --out ${bare}`);
    expect(stackLines(r.err)).toEqual([]);
  });

  it('Ctrl-C while it writes leaves no report.html.tmp-<pid> (compare --out and verify would then refuse it)', async () => {
    const dir = join(tmp.dir, 'report-cut');
    expect(
      (await cli('compare', scenarioFile, '--replicates', '2', '--scale', '0.2', '-q', '--out', dir)).code,
    ).toBe(0);
    const main = fileURLToPath(new URL('../../sim/cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'report', dir], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_c, signal) => done(signal)),
    );
    // Interrupt it the moment a file is there under its temporary name.
    const seen = new Promise<string>((done) => {
      const watcher = watch(dir, (_event, name) => {
        if (name && /\.tmp-\d+$/.test(name) && existsSync(join(dir, name))) {
          child.kill('SIGINT');
          watcher.close();
          done(name);
        }
      });
      void exited.then(() => {
        watcher.close();
        done('');
      });
    });
    expect(await seen, 'the report was written before it could be interrupted').toMatch(/\.tmp-\d+$/);
    expect(await exited).toBe('SIGINT');
    const temporary = (d: string) => readdirSync(d).filter((f) => /\.tmp-/.test(f));
    expect(temporary(dir)).toEqual([]);
    if (existsSync(join(dir, 'charts'))) expect(temporary(join(dir, 'charts'))).toEqual([]);
    expect(checkOutDir(dir)).toBe('replace');
  });

  it('rebuilds report.html, report.ipynb and the charts from report-input.json without simulating', async () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const ipynb = readFileSync(join(out, 'report.ipynb'), 'utf8');
    const summaryStat = statSync(join(out, 'summary.json'));
    const seriesStat = statSync(join(out, 'timeseries.csv'));
    // Without the scenario there is nothing to simulate from.
    rmSync(scenarioFile);
    rmSync(join(out, 'report.html'));
    rmSync(join(out, 'report.ipynb'));
    rmSync(join(out, 'charts'), { recursive: true });
    const r = await cli('report', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(join(out, 'report.html'));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(out, 'report.ipynb'), 'utf8')).toBe(ipynb);
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
    // The simulation outputs were not rewritten.
    expect(statSync(join(out, 'summary.json')).mtimeMs).toBe(summaryStat.mtimeMs);
    expect(statSync(join(out, 'timeseries.csv')).mtimeMs).toBe(seriesStat.mtimeMs);
    expect(existsSync(scenarioFile)).toBe(false);
  });
});
