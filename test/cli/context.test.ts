/** The progress bar's ETA text, and the bar itself on a pseudo-terminal (none with --quiet). */

import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEta } from '../../sim/cli/context';
import { ROOT, tempDir } from '../helpers/cli';

describe('formatEta', () => {
  it('reads at a glance: seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatEta(0)).toBe('0s');
    expect(formatEta(4.4)).toBe('4s');
    expect(formatEta(59.4)).toBe('59s');
    expect(formatEta(65)).toBe('1m05s');
    expect(formatEta(3599)).toBe('59m59s');
    expect(formatEta(3720)).toBe('1h02m');
    expect(formatEta(-3)).toBe('0s');
  });
});

describe('progress bar on a terminal', () => {
  it('shows replicates done with an open ETA until the first is done, then says the report is being built', () => {
    const tmp = tempDir('trustsim-progress-');
    try {
      const scenario = join(tmp.dir, 'case.yaml');
      execFileSync(process.execPath, [join(ROOT, 'bin/trustsim.mjs'), 'init', scenario], { stdio: 'pipe' });
      // `script` runs the CLI on a pseudo-terminal, as a user at a shell would.
      const cmd = [process.execPath, join(ROOT, 'bin/trustsim.mjs'), 'compare', scenario]
        .concat(['--replicates', '3', '--scale', '0.2', '--workers', '1', '--out', join(tmp.dir, 'out')])
        .join(' ');
      const screen = execFileSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' }).replaceAll(
        '\r',
        '\n',
      );
      expect(screen).toMatch(/replicates \[[^\]]*\] 0\/3 \| ETA …/);
      expect(screen).toMatch(/replicates \[[^\]]*\] 3\/3 \| ETA \d+s/);
      expect(screen).toContain('summarising and building the report…');
      // With --quiet there is no bar.
      const quiet = execFileSync('script', ['-qec', `${cmd}2 -q`, '/dev/null'], { encoding: 'utf8' });
      expect(quiet).not.toContain('ETA');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('progress bar and Ctrl-C', () => {
  it('leaves the terminal as it found it when the process dies of SIGINT mid-bar (cursor shown, lines wrap)', () => {
    // The bar used to hide the cursor (ESC[?25l) and turn off line wrapping (ESC[?7l) until its stop(): Ctrl-C
    // during `compare` left the user's shell with no cursor and no line wrapping.
    const module = join(ROOT, 'sim/cli/context.ts');
    const script = `
      Object.defineProperty(process.stderr, 'isTTY', { value: true });
      Object.defineProperty(process.stderr, 'columns', { value: 100 });
      const { progress } = await import(${JSON.stringify(module)});
      const io = { out() {}, err() {}, isTTY: true, env: {} };
      const bar = progress(io, 'replicates', false);
      bar.update(0, 20);
      process.kill(process.pid, 'SIGINT');
      await new Promise((r) => setTimeout(r, 5000));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBe('SIGINT');
    expect(r.stderr).toMatch(/replicates \[[^\]]*\] 0\/20/);
    // Each mode is as the terminal had it: never turned off, or turned on again after.
    const restored = (on: string, off: string) => r.stderr.lastIndexOf(off) <= r.stderr.lastIndexOf(on);
    expect(restored('\x1b[?25h', '\x1b[?25l')).toBe(true); // cursor shown
    expect(restored('\x1b[?7h', '\x1b[?7l')).toBe(true); // lines wrap
  });
});
