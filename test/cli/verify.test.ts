/**
 * `trustsim verify <dir>`, in-process: a compare, run or sweep folder reruns byte-identical (exit 0, every file
 * "identical"); a changed, missing or extra file is found and named (exit 3); a changed or missing scenario, or a
 * folder without a manifest, is bad input (exit 2) and nothing is rerun. Also shellWords (the manifest's rerun
 * line read back) and firstDifference.
 */

import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifference } from '../../sim/cli/commands/verify';
import { shellWord, shellWords } from '../../sim/io/manifest';
import { cli, filesUnder, stackLines, tempDir } from '../helpers/cli';

const tmp = tempDir('trustsim-verify-test-');
afterAll(tmp.cleanup);
const scenario = join(tmp.dir, 'my case.yaml');
const compared = join(tmp.dir, 'compared');

/** The verdict lines of verify's stdout, as { file: status }. */
function verdicts(out: string): Record<string, string> {
  const v: Record<string, string> = {};
  for (const line of out.trim().split('\n')) {
    const m = /^(identical|differs|missing|extra) +(\S+)/.exec(line);
    if (!m) throw new Error(`not a verdict line: ${line}`);
    v[m[2]] = m[1];
  }
  return v;
}

/** A copy of the compare folder to spoil, so that each test starts from a folder that verifies. */
function copyOfCompared(name: string): string {
  const dir = join(tmp.dir, name);
  cpSync(compared, dir, { recursive: true });
  return dir;
}

const scratchFolders = () =>
  readdirSync(tmpdir()).filter(
    (f) => f.startsWith('trustsim-verify-') && !f.startsWith('trustsim-verify-test-'),
  );

beforeAll(async () => {
  expect((await cli('init', scenario)).code).toBe(0);
  const r = await cli(
    'compare',
    scenario,
    '--replicates',
    '3',
    '--scale',
    '0.2',
    '--seed',
    '5',
    '--strategies',
    'silence,honour',
    '--baseline',
    'silence',
    '--workers',
    '1',
    '--raw',
    '-q',
    '--out',
    compared,
  );
  expect(r.code, r.err).toBe(0);
});

describe('shellWords', () => {
  it('reads back any words shellWord wrote, spaces, quotes and empty words included', () => {
    expect(shellWords("trustsim compare 'my case.yaml' --seed 5 'it'\\''s' ''")).toEqual([
      'trustsim',
      'compare',
      'my case.yaml',
      '--seed',
      '5',
      "it's",
      '',
    ]);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 12 }), (words) => {
        expect(shellWords(words.map(shellWord).join(' '))).toEqual(words);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('refuses an unclosed quote', () => {
    expect(() => shellWords("trustsim 'run")).toThrow(/unclosed quote at character 10/);
  });
});

describe('firstDifference', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('is null for identical files and names the first differing line of a text', () => {
    expect(firstDifference(bytes('a\nb\n'), bytes('a\nb\n'))).toBeNull();
    expect(firstDifference(bytes('a\nb\nc\n'), bytes('a\nx\nc\n'))).toBe('from line 2');
    expect(firstDifference(bytes('a\nb\n'), bytes('a\nb\nc\n'))).toBe('the original ends first, at line 3');
    expect(firstDifference(bytes('a\nb\nc\n'), bytes('a\nb\n'))).toBe('the rerun ends first, at line 3');
  });
  it('gives a byte offset for binary files', () => {
    expect(firstDifference(new Uint8Array([0, 1, 2, 3]), new Uint8Array([0, 1, 9, 3]))).toBe('from byte 3');
  });
});

describe('trustsim verify', () => {
  it('reruns a compare folder and finds every file byte-identical (exit 0); the scratch rerun is removed', async () => {
    const before = scratchFolders();
    const r = await cli('verify', compared);
    expect(r.code, r.err).toBe(0);
    const v = verdicts(r.out);
    expect(Object.keys(v).sort()).toEqual(
      filesUnder(compared)
        .map((f) => f.split('\\').join('/'))
        .sort(),
    );
    expect(Object.keys(v)).toEqual(
      expect.arrayContaining(['summary.json', 'raw.csv', 'report.html', 'manifest.json']),
    );
    expect(Object.values(v).every((s) => s === 'identical')).toBe(true);
    expect(r.err).toContain('rerunning: trustsim compare');
    expect(r.err).toMatch(/reproduced: all \d+ files of .* are byte-identical/);
    expect(scratchFolders()).toEqual(before);
  });

  it('names a changed, a missing and an extra file, and exits 3', async () => {
    const dir = copyOfCompared('spoilt');
    const csv = readFileSync(join(dir, 'timeseries.csv'), 'utf8').split('\n');
    csv[4] = csv[4].replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    writeFileSync(join(dir, 'timeseries.csv'), csv.join('\n'));
    rmSync(join(dir, 'report.ipynb'));
    appendFileSync(join(dir, 'charts', 'notes.txt'), 'mine\n');
    const r = await cli('verify', dir, '-q');
    expect(r.code).toBe(3);
    const v = verdicts(r.out);
    expect(v['timeseries.csv']).toBe('differs');
    expect(r.out).toMatch(/^differs +timeseries\.csv +\(from line 5\)$/m);
    expect(v['report.ipynb']).toBe('missing');
    expect(v['charts/notes.txt']).toBe('extra');
    expect(v['summary.json']).toBe('identical');
    expect(r.err).toMatch(
      /not reproduced: 3 of the \d+ files of .* differ from a rerun \(charts\/notes\.txt, report\.ipynb, timeseries\.csv\)/,
    );
    expect(stackLines(r.err)).toEqual([]);
  });

  it('renders PNGs for the rerun too when `report --png` added them to the folder', async () => {
    const dir = copyOfCompared('with-png');
    expect((await cli('report', dir, '--png')).code).toBe(0);
    const r = await cli('verify', dir);
    expect(r.code, r.err).toBe(0);
    const v = verdicts(r.out);
    expect(Object.keys(v).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    expect(Object.values(v).every((x) => x === 'identical')).toBe(true);
    expect(r.err).toContain('PNG charts from `trustsim report --png`');
  });

  it('an interrupt during the rerun removes the temporary folder, and the process dies of the signal', () => {
    const scratchRoot = join(tmp.dir, 'tmpdir');
    mkdirSync(scratchRoot);
    const module = fileURLToPath(new URL('../../sim/cli/commands/verify.ts', import.meta.url));
    // A stand-in for the rerun: it prints where it would write, then is interrupted while "simulating".
    const script = `
      const { verifyCommand } = await import(${JSON.stringify(module)});
      const io = { out() {}, err() {}, isTTY: false, env: {} };
      await verifyCommand(${JSON.stringify(compared)}, { quiet: true }, io, async (argv) => {
        console.log(argv[argv.indexOf('--out') + 1]);
        process.kill(process.pid, 'SIGINT');
        await new Promise((r) => setTimeout(r, 5000));
        return 0;
      });
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, TMPDIR: scratchRoot },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBe('SIGINT');
    const rerunOut = r.stdout.trim();
    expect(rerunOut.startsWith(join(scratchRoot, 'trustsim-verify-'))).toBe(true);
    // (tsx keeps its own cache there too.)
    expect(readdirSync(scratchRoot).filter((f) => f.startsWith('trustsim-verify-'))).toEqual([]);
  });

  it('keeps the rerun with --out', async () => {
    const keep = join(tmp.dir, 'kept');
    const r = await cli('verify', compared, '--out', keep, '-q');
    expect(r.code, r.err).toBe(0);
    // Quiet: the rerun's warning (3 replicates are few for the interval) is held back, as it succeeded.
    expect(r.err).toBe('');
    expect(readFileSync(join(keep, 'summary.json'), 'utf8')).toBe(
      readFileSync(join(compared, 'summary.json'), 'utf8'),
    );
  });

  it('refuses --out at, inside or around the folder being verified (exit 2): the rerun would overwrite it', async () => {
    // It used to rerun into the folder itself: the spoilt file was replaced by the rerun's, every file then
    // compared identical with itself, and verify said "reproduced" (exit 0).
    const dir = copyOfCompared('spoilt-out');
    const csvFile = join(dir, 'timeseries.csv');
    appendFileSync(csvFile, 'spoilt\n');
    const spoilt = readFileSync(csvFile, 'utf8');
    for (const out of [dir, `${dir}/`, join(dir, 'charts'), join(dir, 'rerun'), tmp.dir]) {
      const r = await cli('verify', dir, '--out', out, '-q');
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(
        /the folder being verified: the rerun would overwrite it\nhint: keep the rerun in a separate folder/,
      );
      expect(r.out).toBe('');
    }
    expect(readFileSync(csvFile, 'utf8')).toBe(spoilt);
    expect(existsSync(join(dir, 'rerun'))).toBe(false);
    const r = await cli('verify', dir, '--out', join(tmp.dir, 'spoilt-out-rerun'), '-q');
    expect(r.code).toBe(3);
    expect(verdicts(r.out)['timeseries.csv']).toBe('differs');
  });

  it('verifies a run --out folder and a sweep folder too', async () => {
    const runOut = join(tmp.dir, 'run');
    const r1 = await cli(
      'run',
      scenario,
      '--strategy',
      'honour',
      '--scale',
      '0.2',
      '--seed',
      '3',
      '-q',
      '--out',
      runOut,
    );
    expect(r1.code, r1.err).toBe(0);
    const v1 = await cli('verify', runOut, '-q');
    expect(v1.code, v1.err).toBe(0);
    expect(Object.keys(verdicts(v1.out))).toEqual(expect.arrayContaining(['summary.json', 'timeseries.csv']));

    const sweepOut = join(tmp.dir, 'sweep');
    const r2 = await cli(
      'sweep',
      scenario,
      '--set',
      'model.trust.learningRate=0.1,0.2',
      '--replicates',
      '2',
      '--scale',
      '0.2',
      '--workers',
      '1',
      '--no-charts',
      '-q',
      '--out',
      sweepOut,
    );
    expect(r2.code, r2.err).toBe(0);
    const v2 = await cli('verify', sweepOut, '-q');
    expect(v2.code, v2.err).toBe(0);
    expect(verdicts(v2.out)).toEqual({
      'manifest.json': 'identical',
      'sweep.csv': 'identical',
      'sweep.json': 'identical',
    });
  });

  it('from another folder, finds the scenario from the nearest folder above the output folder', async () => {
    // A project folder with the scenario typed as a relative path, the output inside it.
    const project = join(tmp.dir, 'project');
    mkdirSync(join(project, 'scenarios'), { recursive: true });
    cpSync(scenario, join(project, 'scenarios', 'case.yaml'));
    const home = process.cwd();
    try {
      process.chdir(project);
      const r = await cli(
        'run',
        'scenarios/case.yaml',
        '--strategy',
        'honour',
        '--scale',
        '0.2',
        '-q',
        '--out',
        'out/honour',
      );
      expect(r.code, r.err).toBe(0);
      process.chdir(tmp.dir);
      const v = await cli('verify', join(project, 'out', 'honour'));
      expect(v.code, v.err).toBe(0);
      expect(v.err).toContain(`rerunning in ${project}: trustsim run scenarios/case.yaml`);
      // From inside the output folder itself.
      process.chdir(join(project, 'out', 'honour'));
      const inside = await cli('verify', '.', '-q');
      expect(inside.code, inside.err).toBe(0);
      expect(Object.values(verdicts(inside.out)).every((x) => x === 'identical')).toBe(true);
      expect(process.cwd()).toBe(join(project, 'out', 'honour'));
      // A changed scenario found that way is still refused.
      appendFileSync(join(project, 'scenarios', 'case.yaml'), '# changed\n');
      const changed = await cli('verify', '.');
      expect(changed.code).toBe(2);
      expect(changed.err).toContain(
        `${join(project, 'scenarios', 'case.yaml')} has changed since . was written`,
      );
    } finally {
      process.chdir(home);
    }
  });

  it('refuses a scenario changed since the folder was written (exit 2), without rerunning', async () => {
    const dir = join(tmp.dir, 'changed');
    const copy = join(tmp.dir, 'copy.yaml');
    cpSync(scenario, copy);
    const r0 = await cli('run', copy, '--strategy', 'silence', '--scale', '0.2', '-q', '--out', dir);
    expect(r0.code, r0.err).toBe(0);
    appendFileSync(copy, '# a comment changes the hash\n');
    const r = await cli('verify', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/copy\.yaml has changed since .* was written \(hash \w+ then, \w+ now\)/);
    expect(r.err).toMatch(/hint: a changed scenario gives other outputs/);
    expect(r.err).not.toContain('rerunning');
    expect(r.out).toBe('');
    rmSync(copy);
    const gone = await cli('verify', dir);
    expect(gone.code).toBe(2);
    expect(gone.err).toMatch(
      /the scenario .*copy\.yaml that wrote .* is not there\nhint: .*run verify from the folder the original command ran in/,
    );
  });

  it('says what a folder needs when it has no manifest, or is no folder (exit 2)', async () => {
    const empty = join(tmp.dir, 'empty');
    cpSync(join(compared, 'charts'), empty, { recursive: true });
    const r = await cli('verify', empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /has no manifest\.json\nhint: verify reruns a folder written by trustsim run --out, compare or sweep/,
    );
    const none = await cli('verify', join(tmp.dir, 'nowhere'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/nowhere is not a folder/);
    const bogus = copyOfCompared('bogus');
    writeFileSync(join(bogus, 'manifest.json'), '{"command": "report"}');
    const b = await cli('verify', bogus);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/is not a trustsim run, compare or sweep manifest/);
    expect(existsSync(join(bogus, 'summary.json'))).toBe(true);
  });
});

describe('trustsim verify, odd folders', () => {
  it('a manifest whose rerun line cannot be read is bad input (exit 2), not an internal error', async () => {
    const dir = copyOfCompared('unreadable-rerun');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.rerun = "trustsim compare 'my case.yaml --seed 5";
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
    const r = await cli('verify', dir);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/the manifest's rerun line cannot be read: unclosed quote at character 18/);
    expect(r.err).not.toContain('internal error');
  });

  it('passes --debug on to the rerun: a failing rerun shows its own stack, before or after the command word', async () => {
    // A rerun line that fails inside compare (an unknown strategy), with the scenario unchanged.
    const dir = copyOfCompared('failing-rerun');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.rerun = m.rerun.replace('--strategies silence,honour', '--strategies silence,no-such-strategy');
    expect(m.rerun).toContain('no-such-strategy');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
    // The rerun's stack has compare's frames; verify's own (printed for its "the rerun failed") does not.
    const rerunFrames = (err: string) => stackLines(err).filter((l) => /commands[\\/]compare\.ts/.test(l));
    for (const argv of [
      ['verify', dir, '--debug'],
      ['--debug', 'verify', dir],
      ['verify', dir, '-q', '--debug'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('unknown strategy "no-such-strategy"');
      expect(rerunFrames(r.err).length, `${argv.join(' ')}\n${r.err}`).toBeGreaterThan(0);
    }
    // Without --debug, no stack at all.
    const plain = await cli('verify', dir);
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('unknown strategy "no-such-strategy"');
    expect(stackLines(plain.err)).toEqual([]);
  });

  it('a broken symbolic link in the folder is an extra file (exit 3), not an internal error', async () => {
    const dir = copyOfCompared('broken-link');
    symlinkSync(join(tmp.dir, 'no-such-file'), join(dir, 'charts', 'dangling.svg'));
    const r = await cli('verify', dir, '-q');
    expect(r.code, r.err).toBe(3);
    expect(verdicts(r.out)['charts/dangling.svg']).toBe('extra');
    expect(r.err).not.toContain('internal error');
  });

  it('prefers the scenario with the manifest’s hash: a changed copy in the current folder does not hide the one above the output folder', async () => {
    const project = join(tmp.dir, 'project-2');
    const elsewhere = join(tmp.dir, 'elsewhere');
    mkdirSync(join(project, 'scenarios'), { recursive: true });
    mkdirSync(join(elsewhere, 'scenarios'), { recursive: true });
    cpSync(scenario, join(project, 'scenarios', 'case.yaml'));
    cpSync(scenario, join(elsewhere, 'scenarios', 'case.yaml'));
    appendFileSync(join(elsewhere, 'scenarios', 'case.yaml'), '# another version\n');
    const home = process.cwd();
    try {
      process.chdir(project);
      const r = await cli('run', 'scenarios/case.yaml', '--scale', '0.2', '-q', '--out', 'out/r');
      expect(r.code, r.err).toBe(0);
      process.chdir(elsewhere);
      const v = await cli('verify', join(project, 'out', 'r'));
      expect(v.code, v.err).toBe(0);
      expect(v.err).toContain(`rerunning in ${project}: trustsim run scenarios/case.yaml`);
      expect(process.cwd()).toBe(elsewhere);
      // Neither copy has the hash: the one in the current folder is reported as changed.
      appendFileSync(join(project, 'scenarios', 'case.yaml'), '# changed too\n');
      const changed = await cli('verify', join(project, 'out', 'r'));
      expect(changed.code).toBe(2);
      expect(changed.err).toContain(`${join(elsewhere, 'scenarios', 'case.yaml')} has changed since`);
    } finally {
      process.chdir(home);
    }
  });
});
