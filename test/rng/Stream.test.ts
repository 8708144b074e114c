import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stream, type StreamState } from '../../sim/rng/Stream';
import { chiSquare, correlation } from './statistics';

function draws(s: Stream, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = s.next();
  return out;
}

describe('Stream', () => {
  it('is deterministic for the same (seed, replicate, purpose)', () => {
    expect(draws(new Stream(42, 3, 'wom'), 1000)).toEqual(draws(new Stream(42, 3, 'wom'), 1000));
  });

  it('pins its first draws (seed string seed/replicate/purpose into xor4096)', () => {
    expect(Array.from(draws(new Stream(42, 0, 'wom'), 3))).toMatchInlineSnapshot(`
      [
        0.6477267316076905,
        0.28492649109102786,
        0.045178653905168176,
      ]
    `);
  });

  it('gives different sequences for different seeds, replicates and purposes', () => {
    const base = draws(new Stream(42, 0, 'wom'), 8);
    for (const other of [new Stream(43, 0, 'wom'), new Stream(42, 1, 'wom'), new Stream(42, 0, 'media')]) {
      expect(draws(other, 8)).not.toEqual(base);
    }
  });

  it('draws for different purposes and replicates are uncorrelated', () => {
    // Under independence the correlation has SE ≈ 1/√n; tolerance 5 SE.
    const n = 200_000;
    const a = draws(new Stream(7, 0, 'incidents'), n);
    const b = draws(new Stream(7, 0, 'media'), n);
    const c = draws(new Stream(7, 1, 'incidents'), n);
    expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(correlation(a, c))).toBeLessThan(5 / Math.sqrt(n));
  });

  it('`next` works detached, as a RandomSource', () => {
    const s = new Stream(1, 0, 'x');
    const t = new Stream(1, 0, 'x');
    const f = s.next;
    expect([f(), f()]).toEqual([t.next(), t.next()]);
  });

  it('next() lies in [0, 1) (property over seeds)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1000), fc.string(), (seed, rep, purpose) => {
        const s = new Stream(seed, rep, purpose);
        for (let i = 0; i < 20; i++) {
          const u = s.next();
          if (!(u >= 0 && u < 1)) return false;
        }
        return true;
      }),
      { numRuns: 200, seed: 1022 },
    );
  });

  it('saves and restores state through JSON and continues byte-identically', () => {
    const s = new Stream(99, 2, 'behaviour');
    draws(s, 12_345);
    const saved = JSON.parse(JSON.stringify(s.state())) as StreamState;
    const expected = draws(s, 5000);
    const restored = Stream.restore(99, 2, 'behaviour', saved);
    expect(draws(restored, 5000)).toEqual(expected);
    // Restoring twice from the same snapshot gives the same continuation (the snapshot is not aliased).
    expect(draws(Stream.restore(99, 2, 'behaviour', saved), 5000)).toEqual(expected);
  });

  it('state() does not advance the stream and is a copy', () => {
    const s = new Stream(5, 0, 'x');
    const t = new Stream(5, 0, 'x');
    const st = s.state();
    st.X[0] = 0;
    s.state();
    expect(draws(s, 100)).toEqual(draws(t, 100));
  });

  it('nextInt continues the same stream after restore', () => {
    const s = new Stream(5, 0, 'ints');
    s.nextInt(10);
    const saved = s.state();
    const a = [s.nextInt(1000), s.nextInt(7), s.next()];
    const r = Stream.restore(5, 0, 'ints', saved);
    expect([r.nextInt(1000), r.nextInt(7), r.next()]).toEqual(a);
  });

  it('rejects a malformed state', () => {
    expect(() => Stream.restore(1, 0, 'x', { i: 0, w: 0, X: [1, 2, 3] })).toThrow(/xor4096 state/);
    expect(() => Stream.restore(1, 0, 'x', null as unknown as StreamState)).toThrow(TypeError);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new Stream(0.5, 0, 'x')).toThrow(/seed/);
    expect(() => new Stream(1, 1.5, 'x')).toThrow(/replicate/);
  });

  it('nextInt(n) is uniform on [0, n) (chi-square, 5 sd above the mean)', () => {
    const s = new Stream(11, 0, 'ints');
    for (const n of [1, 2, 7, 10, 1000]) {
      const count = 100 * n + 10_000;
      const hist = new Float64Array(n);
      let inRange = true;
      for (let i = 0; i < count; i++) {
        const x = s.nextInt(n);
        if (!(Number.isInteger(x) && x >= 0 && x < n)) inRange = false;
        else hist[x]!++;
      }
      expect(inRange).toBe(true);
      if (n > 1) {
        const chi = chiSquare(hist, new Float64Array(n).fill(count / n));
        expect(chi.stat).toBeLessThan(chi.limit);
      }
    }
    expect(s.nextInt(2 ** 32)).toBeLessThan(2 ** 32);
    expect(() => s.nextInt(0)).toThrow(RangeError);
    expect(() => s.nextInt(2.5)).toThrow(RangeError);
    expect(() => s.nextInt(2 ** 32 + 1)).toThrow(RangeError);
  });
});
