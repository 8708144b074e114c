/**
 * `trustsim sweep`, in-process, on the starter scenario (2 replicates at scale 0.2): a point at the file's own
 * value gives exactly compare's numbers (same worlds), another value moves them; the outputs are identical for
 * 1 and 2 workers; bad --set values exit 2 with the key and the schema's message, and write nothing; an
 * interrupted sweep resumed with --resume runs only the points its journal lacks and writes the same bytes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPath, startJournal } from '../../sim/io/sweepJournal';
import { cli, parseCsv, stackLines, tempDir } from '../helpers/cli';

const tmp = tempDir('trustsim-sweep-');
afterAll(tmp.cleanup);
const scenario = join(tmp.dir, 'case.yaml');
const common = ['--replicates', '2', '--scale', '0.2', '--seed', '5', '-q'];

interface Summary {
  comparisons: Array<{
    strategy: string;
    segment: string;
    metric: string;
    diff: number;
    lo: number;
    hi: number;
    ci95: [number, number] | null;
    pBetter: number;
  }>;
  strategies: Array<{
    id: string;
    metrics: Record<string, { mean: number }>;
    segments: Record<string, Record<string, { mean: number }>>;
  }>;
}

/** The learning rate at its default (0.12, which the starter leaves unset) and at 0.25, with the buyers. */
const sweepLearningRate = (workers: number, out: string) =>
  cli(
    'sweep',
    scenario,
    '--set',
    'model.trust.learningRate=0.12,0.25',
    ...common,
    '--segments',
    'buyers',
    '--workers',
    String(workers),
    '--out',
    out,
  );

let sweepOut: string;
let run: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  expect((await cli('init', scenario)).code).toBe(0);
  sweepOut = join(tmp.dir, 'sweep');
  run = await sweepLearningRate(1, sweepOut);
});

describe('trustsim sweep', () => {
  it('exits 0, lists its files, and says per metric whether the best strategy changes', () => {
    expect(run.code, run.err).toBe(0);
    for (const f of ['sweep.csv', 'sweep.json', 'manifest.json', join('charts', 'sweep-trust.svg')])
      expect(run.out).toContain(join(sweepOut, f));
    expect(run.err).toMatch(/^trust: (.+ is best at every point of the sweep|the best strategy changes)/m);
    expect(run.err).toMatch(/^buyers \/ grievance: /m);
    expect(run.out).toContain(join(sweepOut, 'charts', 'sweep-trust-buyers.svg'));
    // The chart has a legend of the strategies (the bands' colours must not hide it).
    const svg = readFileSync(join(sweepOut, 'charts', 'sweep-trust.svg'), 'utf8');
    expect(svg).toContain('role-legend');
    for (const id of ['silence', 'honour', 'token-voucher', 'wait-then-pay'])
      expect(svg).toContain(`>${id}</text>`);
  });

  it('at the file’s own value it gives exactly what compare gives; another value moves the results', async () => {
    const cmpOut = join(tmp.dir, 'compare');
    const c = await cli('compare', scenario, ...common, '--no-report', '--out', cmpOut);
    expect(c.code, c.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(cmpOut, 'summary.json'), 'utf8')) as Summary;
    const parsed = parseCsv(readFileSync(join(sweepOut, 'sweep.csv'), 'utf8'));
    const rows = parsed.rows;
    const header = parsed.header.split(',');
    expect(header).toEqual([
      'point',
      'model.trust.learningRate',
      'strategy',
      'segment',
      'metric',
      'mean',
      'lo',
      'hi',
      'ci95_lo',
      'ci95_hi',
      'diff',
      'diff_lo',
      'diff_hi',
      'diff_ci95_lo',
      'diff_ci95_hi',
      'p_better',
    ]);
    const col = (name: string) => header.indexOf(name);
    const mean = (point: string, strategy: string, metric: string, segment = 'all') =>
      Number(
        rows.find(
          (r) =>
            r[0] === point &&
            r[col('strategy')] === strategy &&
            r[col('segment')] === segment &&
            r[col('metric')] === metric,
        )?.[col('mean')],
      );
    for (const s of summary.strategies) {
      for (const m of ['trust', 'grievance', 'net_cny']) {
        expect(mean('0', s.id, m), `${s.id} ${m}`).toBe(s.metrics[m].mean);
      }
      expect(mean('1', s.id, 'trust')).not.toBe(mean('0', s.id, 'trust'));
      // --segments buyers: the claimants' figures, as compare has them.
      expect(mean('0', s.id, 'grievance', 'buyers')).toBe(s.segments.buyers.grievance.mean);
    }
    // The paired difference against the baseline: its 90% interval and the 95% CI of its mean, as compare has them.
    const at0 = (c: Summary['comparisons'][number]) =>
      rows.find(
        (r) =>
          r[0] === '0' &&
          r[col('strategy')] === c.strategy &&
          r[col('segment')] === c.segment &&
          r[col('metric')] === c.metric,
      );
    const compared = summary.comparisons.filter(
      (c) => ['all', 'buyers'].includes(c.segment) && c.ci95 !== null,
    );
    expect(compared.length).toBeGreaterThan(20);
    for (const c of compared) {
      const row = at0(c);
      const what = `${c.strategy} ${c.segment} ${c.metric}`;
      expect(row, what).toBeDefined();
      expect(Number(row![col('diff')]), what).toBe(c.diff);
      expect(Number(row![col('diff_lo')]), what).toBe(c.lo);
      expect(Number(row![col('diff_hi')]), what).toBe(c.hi);
      expect(Number(row![col('diff_ci95_lo')]), what).toBe(c.ci95![0]);
      expect(Number(row![col('diff_ci95_hi')]), what).toBe(c.ci95![1]);
      expect(Number(row![col('p_better')]), what).toBe(c.pBetter);
    }
    expect(rows.some((r) => r[col('segment')] === 'fans')).toBe(false);
    expect(rows.every((r) => r[col('model.trust.learningRate')] === (r[0] === '0' ? '0.12' : '0.25'))).toBe(
      true,
    );
    const json = JSON.parse(readFileSync(join(sweepOut, 'sweep.json'), 'utf8'));
    expect(json.points.map((p: { values: unknown }) => p.values)).toEqual([
      { 'model.trust.learningRate': 0.12 },
      { 'model.trust.learningRate': 0.25 },
    ]);
    expect(json.verdicts.map((v: { metric: string }) => v.metric)).toContain('trust');
  });

  it('gives byte-identical outputs with 2 workers, and its manifest line reruns it', async () => {
    const two = join(tmp.dir, 'two');
    const r = await sweepLearningRate(2, two);
    expect(r.code, r.err).toBe(0);
    for (const f of ['sweep.csv', 'sweep.json', 'manifest.json', join('charts', 'sweep-trust.svg')])
      expect(readFileSync(join(two, f), 'utf8'), f).toBe(readFileSync(join(sweepOut, f), 'utf8'));
    const rerun = JSON.parse(readFileSync(join(sweepOut, 'manifest.json'), 'utf8')).rerun as string;
    expect(rerun).toContain(`--set model.trust.learningRate=0.12,0.25 --seed 5 --replicates 2`);
    expect(rerun).toContain('--scale 0.2');
    expect(rerun).toContain('--segments buyers');
  });

  it('a grid of two parameters has one point per combination and one chart panel per value of the second', async () => {
    const grid = join(tmp.dir, 'grid');
    const r = await cli(
      'sweep',
      scenario,
      '--set',
      'model.media.halfLifeDays=1,7',
      '--set',
      'population.segments.fans.owners=0.1,0.5',
      '--strategies',
      'silence,honour',
      '--baseline',
      'silence',
      '--replicates',
      '1',
      '--scale',
      '0.2',
      '-q',
      '--metrics',
      'trust',
      '--out',
      grid,
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(readFileSync(join(grid, 'sweep.json'), 'utf8'));
    expect(json.points).toHaveLength(4);
    const spec = JSON.parse(readFileSync(join(grid, 'charts', 'sweep-trust.vl.json'), 'utf8'));
    expect(spec.facet.field).toBe('panel');
    expect(new Set(spec.data.values.map((v: { panel: string }) => v.panel))).toEqual(
      new Set(['population.segments.fans.owners=0.1', 'population.segments.fans.owners=0.5']),
    );
  });
});

describe('trustsim sweep: bad input exits 2 and writes nothing', () => {
  it.each([
    [
      ['--set', 'model.trust.learningRte=0.1,0.2'],
      /--set model\.trust\.learningRte=0\.1: unknown key "learningRte".*did you mean "learningRate"/,
    ],
    [
      ['--set', 'model.trust.learningRate=0.1,7'],
      /--set model\.trust\.learningRate=7: .*(at model\.trust\.learningRate)/,
    ],
    [
      ['--set', 'population.segments.fnas.agents=10'],
      /no item with id "fnas".*its ids: buyers, fans, public/,
    ],
    [['--set', 'model.trust.learningRate'], /expected key=values/],
    [[], /nothing to sweep/],
    [
      ['--set', 'model.trust.learningRate=0.1', '--strategies', 'silence,honour'],
      /baseline "token-voucher" \(the scenario’s outputs\.baseline\) is not among .*--baseline silence/,
    ],
    [
      ['--set', 'model.trust.learningRate=0.1', '--metrics', 'trsut'],
      /--metrics: unknown metric "trsut" \(did you mean "trust"\?\)/,
    ],
    [
      ['--set', 'model.trust.learningRate=0.1', '--segments', 'buyer'],
      /--segments: unknown segment "buyer" \(did you mean "buyers"\?\)/,
    ],
  ])('%j', async (argv, message) => {
    const out = join(tmp.dir, `bad-${readdirSync(tmp.dir).length}`);
    const r = await cli(
      'sweep',
      scenario,
      ...argv,
      '--replicates',
      '1',
      '--scale',
      '0.2',
      '-q',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(stackLines(r.err)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('trustsim sweep --resume', () => {
  const args = (out: string) => [
    'sweep',
    scenario,
    '--set',
    'model.trust.learningRate=0.05:0.3:8',
    '--replicates',
    '2',
    '--scale',
    '0.2',
    '--seed',
    '5',
    '--workers',
    '1',
    '--no-charts',
    '--out',
    out,
  ];
  const files = (dir: string) =>
    Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

  it('after an interruption, runs only the points its journal lacks and writes the same bytes', async () => {
    const whole = join(tmp.dir, 'resume-whole');
    expect((await cli(...args(whole), '-q')).code).toBe(0);
    expect(existsSync(journalPath(whole))).toBe(false);

    // The same sweep in a child process, interrupted once its journal holds two points.
    const out = join(tmp.dir, 'resume-cut');
    const journal = journalPath(out);
    const main = fileURLToPath(new URL('../../sim/cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args(out), '-q'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_c, signal) => done(signal)),
    );
    const pointsIn = () =>
      existsSync(journal)
        ? readFileSync(journal, 'utf8')
            .split('\n')
            .filter((l) => l !== '').length - 1
        : 0;
    let finished = false;
    void exited.then(() => {
      finished = true;
    });
    while (!finished && pointsIn() < 2) await new Promise((r) => setTimeout(r, 10));
    expect(finished, 'the sweep ended before it could be interrupted').toBe(false);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(existsSync(out)).toBe(false);
    const done = pointsIn();
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(8);

    const r = await cli(...args(out), '--resume');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`resuming: ${done} of 8 points are done`);
    expect(r.err).toContain(`${done} points taken from the journal`);
    expect(files(out)).toEqual(files(whole));
    expect(existsSync(journal)).toBe(false);
  });

  it('refuses to resume from the journal of another sweep (exit 2), and says when there is none', async () => {
    const out = join(tmp.dir, 'resume-other');
    startJournal(journalPath(out), 'another sweep', 8, new Map());
    const r = await cli(...args(out), '--resume', '-q');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the journal of another sweep.*nothing to resume\nhint: run the exact command/);
    expect(existsSync(out)).toBe(false);
    // Without --resume it starts afresh.
    const fresh = await cli(...args(out), '-q');
    expect(fresh.code, fresh.err).toBe(0);
    expect(existsSync(journalPath(out))).toBe(false);
    const none = await cli(...args(join(tmp.dir, 'resume-none')), '--resume');
    expect(none.code, none.err).toBe(0);
    expect(none.err).toMatch(/no interrupted sweep to resume .*: running every point/);
  });
});
