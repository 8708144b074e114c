/**
 * initPopulation: contiguous segments whose agents stand for exactly the segment's real people, facets
 * strictly inside (0,1), a deterministic draw per (seed, replicate), and one stream per attribute so that
 * changing one attribute's distribution never shifts another's draws.
 */
import { describe, expect, it } from 'vitest';
import { agentCount, initPopulation } from '../../sim/population/Population';
import { scenario } from '../helpers/world';

const segments = (commitmentMean = 0.3) =>
  scenario({
    population: {
      segments: [
        { id: 'a', size: 7, agents: 3 },
        { id: 'b', size: 1_000_000, agents: 50, commitment: { mean: commitmentMean, sd: 0.1 } },
        { id: 'c', size: 5000 },
        {
          id: 'd',
          size: 100,
          agents: 10,
          trust: {
            ability: { mean: 1, sd: 0 },
            benevolence: { mean: 0, sd: 0 },
            integrity: { mean: 0.5, sd: 0 },
          },
        },
      ],
    },
  }).population.segments;

describe('initPopulation', () => {
  it('lays segments out contiguously with weight size/agents, summing to the real sizes', () => {
    const segs = segments();
    const pop = initPopulation(segs, 1, 1, 0);
    expect(Array.from(pop.segStart)).toEqual([0, 3, 53, 2053, 2063]);
    expect(pop.n).toBe(2063);
    for (let s = 0; s < segs.length; s++) {
      let sum = 0;
      for (let i = pop.segStart[s]; i < pop.segStart[s + 1]; i++) {
        expect(pop.segment[i]).toBe(s);
        sum += pop.weight[i];
      }
      expect(sum).toBeCloseTo(segs[s].size, 6);
      expect(pop.segSize[s]).toBe(segs[s].size);
    }
  });

  it('defaults agents to min(size, 2000) and applies the scale (at least 1 agent)', () => {
    const segs = segments();
    expect(agentCount(segs[2], 1)).toBe(2000);
    expect(agentCount(segs[2], 0.1)).toBe(200);
    expect(agentCount(segs[0], 0.01)).toBe(1);
    expect(initPopulation(segs, 0.5, 1, 0).n).toBe(2 + 25 + 1000 + 5);
  });

  it('keeps every facet strictly inside (0,1), even for degenerate means 0 and 1', () => {
    const pop = initPopulation(segments(), 1, 1, 0);
    for (const arr of [pop.ability0, pop.benevolence0, pop.integrity0])
      for (let i = 0; i < pop.n; i++) {
        expect(arr[i]).toBeGreaterThan(0);
        expect(arr[i]).toBeLessThan(1);
      }
  });

  it('is deterministic per (seed, replicate) and differs across them', () => {
    const a = initPopulation(segments(), 1, 4, 2);
    const b = initPopulation(segments(), 1, 4, 2);
    const c = initPopulation(segments(), 1, 4, 3);
    expect(Array.from(b.ability0)).toEqual(Array.from(a.ability0));
    expect(Array.from(b.mediaLevel)).toEqual(Array.from(a.mediaLevel));
    expect(Array.from(c.ability0)).not.toEqual(Array.from(a.ability0));
  });

  it('one stream per attribute: a different commitment distribution leaves trust and media use unchanged', () => {
    const a = initPopulation(segments(0.3), 1, 4, 2);
    const b = initPopulation(segments(0.7), 1, 4, 2);
    expect(Array.from(b.commitment)).not.toEqual(Array.from(a.commitment));
    expect(Array.from(b.ability0)).toEqual(Array.from(a.ability0));
    expect(Array.from(b.integrity0)).toEqual(Array.from(a.integrity0));
    expect(Array.from(b.mediaLevel)).toEqual(Array.from(a.mediaLevel));
    expect(Array.from(b.status0)).toEqual(Array.from(a.status0));
  });
});
