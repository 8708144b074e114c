import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Worker threads post their results by copy. Transferring a buffer detaches it, and the first detached
 * ArrayBuffer in an isolate invalidates V8's ArrayBufferDetaching protector: every typed-array kernel of that
 * worker was then recompiled with a detached check on each access, and ran replicates about 15% slower than the
 * main thread. This checks that no thread invalidates a V8 protector while a two-thread pool runs replicates and
 * renders charts to SVG and PNG.
 */
function traced(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--trace-protector-invalidation', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('V8 protectors in the compute pool', () => {
  it('the trace names the protector when a transfer detaches a buffer (so the check below is not vacuous)', () => {
    const r = traced([
      '-e',
      'const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); console.log(b.byteLength);',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Invalidating protector cell ArrayBufferDetaching');
  });

  it('no thread invalidates one while the pool runs replicates and renders charts', () => {
    const r = traced(['--import', 'tsx', 'test/node/protectors.trace.ts']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const from = lines.indexOf('@@ work');
    const to = lines.findIndex((l) => l.startsWith('@@ done'));
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    expect(lines[to]).toBe('@@ done 4 replicates, 4 charts');
    const invalidated = lines.slice(from, to).filter((l) => l.includes('Invalidating protector'));
    expect(invalidated).toEqual([]);
  });
});
