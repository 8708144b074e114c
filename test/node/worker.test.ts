import { describe, expect, it } from 'vitest';
import { rebuild } from '../../sim/node/worker';

describe('worker: rebuild', () => {
  it('deep-copies plain data with fresh objects, the same keys in the same order, and undefined kept', () => {
    const src = {
      b: 1,
      a: [{ x: 0.5, y: 'text' }, null, [1, 2]],
      nested: { deep: { flag: true, none: undefined } },
    };
    const copy = rebuild(src) as typeof src;
    expect(copy).toEqual(src);
    expect(copy).not.toBe(src);
    expect(copy.a).not.toBe(src.a);
    expect(copy.a[0]).not.toBe(src.a[0]);
    expect(copy.nested.deep).not.toBe(src.nested.deep);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'nested']);
    expect(Object.keys(copy.nested.deep)).toEqual(['flag', 'none']);
  });

  it('returns primitives as they are', () => {
    for (const v of [0, -0, 1.5, 'a', true, null, undefined]) expect(Object.is(rebuild(v), v)).toBe(true);
  });
});
