import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The objects every kernel reads (population, network, exposure clocks, the replicate's shared structure) are
 * built once per replicate. Built by object literals, V8 widened their field types at the second replicate (when
 * it builds a literal's boilerplate) and threw away every kernel optimised during the first: 17 kernels were
 * compiled again at each run's second replicate. They are built by constructors now; this checks that no
 * optimised code is discarded for changed dependencies once the first replicate is done.
 */
describe('hidden classes across replicates', () => {
  it('no optimised kernel is thrown away for a changed dependency after the first replicate', () => {
    // Optimising on the main thread (no concurrent recompilation) makes what is optimised when independent of
    // the machine's load.
    const r = spawnSync(
      process.execPath,
      [
        '--no-concurrent-recompilation',
        '--import',
        'tsx',
        '--trace-opt',
        '--trace-deopt',
        'test/engine/replicates.trace.ts',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const from = lines.indexOf('@@ later replicates');
    const to = lines.indexOf('@@ end');
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    // Not vacuous: the hot kernels were optimised during the first replicate.
    const before = lines.slice(0, from).join('\n');
    for (const kernel of ['collectMetrics', 'churnAndPurchase', 'updateMedia'])
      expect(before).toMatch(new RegExp(`completed compiling [^\\n]*<JSFunction ${kernel} `));
    const invalidated = lines
      .slice(from, to)
      .filter((l) => l.includes('marking dependent code') && l.includes('code dependencies'))
      .map((l) => /SharedFunctionInfo ([^>]*)>/.exec(l)?.[1] ?? l);
    expect(invalidated).toEqual([]);
  });
});
