/**
 * File-system problems the user can fix (no permission, a read-only or full disk) are bad input: exit 2, a message
 * naming the path and a hint, no stack trace. Before, `trustsim report` on a folder the user may not write printed
 * the raw "EACCES: permission denied, open '…/report.html.tmp-…'" with no hint, and other commands called it an
 * internal error (exit 1).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemProblem } from '../../sim/cli/errors';
import { makeFixture } from '../fixtures/report/makeFixture';
import { ROOT, stackLines, tempDir } from '../helpers/cli';

const errno = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: something, open '${path}'`), { code, path });

describe('fileSystemProblem', () => {
  it('names permission, read-only and full-disk errors with their path and a hint', () => {
    expect(fileSystemProblem(errno('EACCES', '/r/report.html.tmp-1'))).toEqual({
      message: 'permission denied: /r/report.html.tmp-1',
      hint: 'make the folder writable (chmod -R u+w <folder>), or write elsewhere with --out',
    });
    expect(fileSystemProblem(errno('EPERM'))?.message).toBe('permission denied: a file or folder');
    expect(fileSystemProblem(errno('EROFS', '/mnt/x'))).toEqual({
      message: 'read-only file system: /mnt/x',
      hint: 'write elsewhere with --out',
    });
    expect(fileSystemProblem(errno('ENOSPC', '/o/timeseries.csv'))?.message).toBe(
      'no space left on the disk (writing /o/timeseries.csv)',
    );
    expect(fileSystemProblem(errno('EDQUOT'))?.message).toBe('no space left on the disk');
  });

  it('leaves every other error alone (those are internal errors)', () => {
    for (const e of [
      errno('ENOENT', '/x'),
      errno('EISDIR'),
      new Error('boom'),
      null,
      undefined,
      'EACCES',
      42,
    ])
      expect(fileSystemProblem(e)).toBeNull();
  });
});

// Root may write anywhere, so the command runs as `nobody`; that needs root (as in CI) to switch users.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe.runIf(asRoot)('trustsim report on a folder the user may not write (run as nobody)', () => {
  const tmp = tempDir('trustsim-errors-');
  afterAll(() => {
    chmodSync(join(tmp.dir, 'locked'), 0o755);
    tmp.cleanup();
  });

  it('exits 2 with the path and a hint, no stack trace, and leaves the folder as it was', () => {
    chmodSync(tmp.dir, 0o755);
    const dir = join(tmp.dir, 'locked');
    mkdirSync(dir);
    writeFileSync(join(dir, 'report-input.json'), JSON.stringify(makeFixture()));
    chmodSync(join(dir, 'report-input.json'), 0o644);
    chmodSync(dir, 0o555);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/trustsim.mjs'), 'report', dir], {
      encoding: 'utf8',
      uid: 65534,
      gid: 65534,
      cwd: tmp.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: permission denied: ${dir}/`, 'm'));
    expect(r.stderr).toContain(
      '\nhint: make the folder writable (chmod -R u+w <folder>), or write elsewhere',
    );
    expect(r.stderr).not.toContain('internal error');
    expect(stackLines(r.stderr)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['report-input.json']);
  });
});
