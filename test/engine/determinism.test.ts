/**
 * Determinism: the same scenario, strategy, seed and replicate give a byte-identical metric cube and the
 * same markers; another seed or replicate gives a different cube.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../sim/engine/compileModel';
import { run } from '../../sim/engine/run';
import { randomScenarioArb } from '../helpers/randomScenario';
import { crisisScenario, sameBytes, scenario } from '../helpers/world';

describe('run is deterministic', () => {
  const sc = crisisScenario();

  it.each(['passive', 'fair', 'silence'])('same inputs → identical values and markers (%s)', (strategy) => {
    const a = run(sc, { strategy, seed: 7, replicate: 3 });
    const b = run(sc, { strategy, seed: 7, replicate: 3 });
    expect(a.values.length).toBeGreaterThan(0);
    expect(sameBytes(a.values, b.values)).toBe(true);
    expect(b.markers).toEqual(a.markers);
    expect(a.markers.length).toBeGreaterThan(0);
  });

  it('a precompiled model gives the same run as the scenario', () => {
    const a = run(sc, { strategy: 'passive', seed: 7, replicate: 0 });
    const b = run(compileModel(sc), { strategy: 'passive', seed: 7, replicate: 0 });
    expect(sameBytes(a.values, b.values)).toBe(true);
  });

  it('a different seed gives different values', () => {
    const a = run(sc, { strategy: 'passive', seed: 7, replicate: 0 });
    const b = run(sc, { strategy: 'passive', seed: 8, replicate: 0 });
    expect(sameBytes(a.values, b.values)).toBe(false);
  });

  it('a different replicate gives different values', () => {
    const a = run(sc, { strategy: 'passive', seed: 7, replicate: 0 });
    const b = run(sc, { strategy: 'passive', seed: 7, replicate: 1 });
    expect(sameBytes(a.values, b.values)).toBe(false);
  });

  it('holds on random scenarios (fast-check, seed 4242, 10 runs)', () => {
    fc.assert(
      fc.property(randomScenarioArb(), (c) => {
        const s = scenario(c.input);
        const strategy = s.strategies[0].id;
        const a = run(s, { strategy, seed: c.seed, replicate: c.replicate });
        const b = run(s, { strategy, seed: c.seed, replicate: c.replicate });
        expect(sameBytes(a.values, b.values)).toBe(true);
        expect(b.markers).toEqual(a.markers);
      }),
      { numRuns: 10, seed: 4242 },
    );
  });
});
