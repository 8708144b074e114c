/**
 * Snapshot/restore: a run interrupted at day d, snapshotted and restored (into the same world or into a fresh
 * world on the same structure) continues exactly like the uninterrupted run; a snapshot stays usable.
 * The strategy runtime (which rules have fired) lives outside the world state, so these tests branch it with
 * cloneRuntime at the snapshot, as a comparison does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneRuntime } from '../../sim/engine/decideStrategy';
import { initWorld, run } from '../../sim/engine/run';
import { fork, restore, snapshot } from '../../sim/engine/World';
import { randomScenarioArb } from '../helpers/randomScenario';
import { crisisScenario, makeWorld, sameBytes, scenario, stepDays } from '../helpers/world';

describe('snapshot and restore', () => {
  const sc = crisisScenario();
  const d = 10;

  it.each(['passive', 'fair'])(
    'restore in place, twice, reproduces the uninterrupted run (%s)',
    (strategy) => {
      const full = run(sc, { strategy, seed: 5, replicate: 2 }).values;
      const { w, rt } = makeWorld(sc, { seed: 5, replicate: 2, strategy });
      stepDays(w, rt, d);
      const snap = snapshot(w);
      const rtAtSnap = cloneRuntime(rt);
      stepDays(w, rt);
      const A = w.s.values.slice();
      expect(sameBytes(A, full)).toBe(true);
      for (let rep = 0; rep < 2; rep++) {
        restore(w, snap);
        expect(w.s.day).toBe(d);
        const rt2 = cloneRuntime(rtAtSnap);
        stepDays(w, rt2);
        expect(sameBytes(w.s.values, A)).toBe(true);
        expect(w.s.markers).toEqual(
          run(sc, { strategy, seed: 5, replicate: 2 }).markers.map(({ strategy: _, ...m }) => m),
        );
      }
    },
  );

  it('restore into a fresh world built by initWorld on the same structure', () => {
    const { w, rt, model, structure } = makeWorld(sc, { seed: 5, replicate: 2, strategy: 'passive' });
    stepDays(w, rt, d);
    const snap = snapshot(w);
    const rtAtSnap = cloneRuntime(rt);
    stepDays(w, rt);
    const fresh = initWorld(model, structure, 5, 2);
    restore(fresh, snap);
    stepDays(fresh, rtAtSnap);
    expect(sameBytes(fresh.s.values, w.s.values)).toBe(true);
  });

  it('the snapshot is a deep copy: later steps do not change it', () => {
    const { w, rt } = makeWorld(sc, { seed: 5, replicate: 2, strategy: 'passive' });
    stepDays(w, rt, d);
    const snap = snapshot(w);
    const ta = snap.state.ta.slice();
    const markers = snap.state.markers.length;
    stepDays(w, rt, 5);
    expect(sameBytes(snap.state.ta, ta)).toBe(true);
    expect(snap.state.markers.length).toBe(markers);
    expect(snap.state.day).toBe(d);
  });

  it('a fork continues exactly like its parent', () => {
    const { w, rt } = makeWorld(sc, { seed: 5, replicate: 2, strategy: 'passive' });
    stepDays(w, rt, d);
    const f = fork(w);
    const frt = cloneRuntime(rt);
    stepDays(w, rt);
    stepDays(f, frt);
    expect(sameBytes(f.s.values, w.s.values)).toBe(true);
  });

  it('refuses a snapshot of another seed or replicate', () => {
    const a = makeWorld(sc, { seed: 5, replicate: 2 });
    const b = makeWorld(sc, { seed: 6, replicate: 2 });
    expect(() => restore(b.w, snapshot(a.w))).toThrow(/another seed or replicate/);
  });

  it('holds on random scenarios at a random day (fast-check, seed 99, 10 runs)', () => {
    fc.assert(
      fc.property(randomScenarioArb(), fc.double({ min: 0, max: 1, noNaN: true }), (c, where) => {
        const s = scenario(c.input);
        const { w, rt, model } = makeWorld(s, { seed: c.seed, replicate: c.replicate });
        const at = Math.floor(where * model.days);
        stepDays(w, rt, at);
        const snap = snapshot(w);
        const rtAtSnap = cloneRuntime(rt);
        stepDays(w, rt);
        restore(w, snap);
        stepDays(w, rtAtSnap);
        const full = run(s, { strategy: s.strategies[0].id, seed: c.seed, replicate: c.replicate });
        expect(sameBytes(w.s.values, full.values)).toBe(true);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 10), seed: 99 },
    );
  });

  // The snapshot also records which rules have fired (StrategyRuntime.fired) when given the runtime, so
  // restoring a world and continuing with the runtime that ran past the snapshot fires the later rules again.
  it('restore with the same runtime reproduces the run — the snapshot carries the fired rules', () => {
    const { w, rt } = makeWorld(sc, { seed: 5, replicate: 2, strategy: 'passive' });
    stepDays(w, rt, 2); // before the fridge template/voucher (day 3) and everything after
    const snap = snapshot(w, rt);
    stepDays(w, rt);
    const A = w.s.values.slice();
    restore(w, snap, rt);
    stepDays(w, rt);
    expect(sameBytes(w.s.values, A)).toBe(true);
  });
});
