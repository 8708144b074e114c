import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Worker threads post their results by copy. Transferring a buffer detaches it, and the first detached
 * ArrayBuffer in an isolate invalidates V8's ArrayBufferDetaching protector: every typed-array kernel of that
 * worker was then recompiled with a detached check on each access, and ran about 15% slower than on the main
 * thread. This runs a two-worker comparison with the report and PNG charts and checks that no V8 protector is
 * invalidated in any thread.
 */
function traced(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--trace-protector-invalidation', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('V8 protectors in worker threads', () => {
  it('the trace names a protector when a transfer detaches a buffer (the check below is not vacuous)', () => {
    const r = traced([
      '-e',
      'const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); console.log(b.byteLength);',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Invalidating protector cell ArrayBufferDetaching');
  });

  it('a two-worker comparison with PNG charts invalidates none', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'trustsim-protectors-')), 'out');
    try {
      const r = traced([
        'bin/trustsim.mjs',
        'compare',
        'scenarios/teaching/compensation-dose.yaml',
        '--replicates',
        '4',
        '--workers',
        '2',
        '--png',
        '--quiet',
        '--out',
        out,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const invalidated = r.stdout.split('\n').filter((l) => l.includes('Invalidating protector'));
      expect(invalidated).toEqual([]);
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });
});
