/**
 * Media attention as a discrete Hawkes process: the kernel's coefficients, the half-life decay of excitation,
 * the geometric series of follow-up stories after a shock, trending, and exposure P = 1 − exp(−κ·λ·mediaUse).
 */
import { describe, expect, it } from 'vitest';
import { fireIncident } from '../../sim/incidents/fireIncident';
import { hawkesCoefficients, updateMedia } from '../../sim/media/updateMedia';
import { modelSchema } from '../../sim/scenario/schema';
import { abilityIncident, makeWorld, scenario } from '../helpers/world';

function mediaWorld(media: Record<string, unknown>, agents = 50, mediaUse = { mean: 0.4, sd: 0.2 }) {
  const t = makeWorld(
    scenario({
      population: { segments: [{ id: 'p', size: agents, agents, mediaUse }] },
      model: { media: { randomStories: false, exposureRate: 0, ...media } },
      incidents: [abilityIncident({ salience: 0 })],
    }),
  );
  fireIncident(t.w, t.model.incidents[0], t.strategy);
  return t;
}

/** Run updateMedia alone for `days` days and return the attention series. */
function attentionSeries(w: ReturnType<typeof mediaWorld>['w'], days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    updateMedia(w);
    out.push(w.s.inc.attention[0]);
    w.s.day++;
  }
  return out;
}

describe('hawkesCoefficients', () => {
  it('decays by one half per half-life and sets α so that the branching ratio is n', () => {
    for (const [halfLifeDays, branchingRatio] of [
      [1.5, 0.6],
      [1, 0.3],
      [4, 0.9],
    ]) {
      const p = { ...modelSchema.parse(undefined).media, halfLifeDays, branchingRatio };
      const { decay, alpha } = hawkesCoefficients(p);
      expect(decay ** halfLifeDays).toBeCloseTo(0.5, 12);
      expect(alpha / (1 - decay)).toBeCloseTo(branchingRatio, 12);
    }
  });
});

describe('updateMedia (randomStories false)', () => {
  it('without follow-up stories, excitation (and so attention) halves every half-life', () => {
    const { w } = mediaWorld({ halfLifeDays: 2, branchingRatio: 0 });
    w.s.inc.excitation[0] = 16;
    const a = attentionSeries(w, 7);
    expect(a[0]).toBe(16);
    expect(a[2]).toBeCloseTo(8, 10);
    expect(a[4]).toBeCloseTo(4, 10);
    expect(a[6]).toBeCloseTo(2, 10);
    expect(a[1]).toBeCloseTo(16 * 2 ** -0.5, 10);
  });

  it('after a shock with no posts, attention decays by e^(−β) + α per day and sums the geometric series S/(1−n)', () => {
    const n = 0.6;
    const S = 10;
    const { w, model } = mediaWorld({ halfLifeDays: 1.5, branchingRatio: n });
    const { decay, alpha } = hawkesCoefficients(model.scenario.model.media);
    w.s.inc.shock[0] = S;
    const a = attentionSeries(w, 200);
    expect(a[0]).toBe(S);
    expect(a[1]).toBeCloseTo(alpha * S, 12);
    for (let t = 2; t < 20; t++) expect(a[t] / a[t - 1]).toBeCloseTo(decay + alpha, 10);
    const total = a.reduce((x, y) => x + y, 0);
    expect(total).toBeCloseTo(S / (1 - n), 8);
    // Stories equal the expected count when not drawn.
    expect(w.s.inc.stories[0]).toBe(w.s.inc.attention[0]);
  });

  it('posts count as stories at postsPerStory people each; shocks and posts are consumed', () => {
    const { w } = mediaWorld({ branchingRatio: 0, postsPerStory: 1000 });
    w.s.inc.posts[0] = 2500;
    w.s.inc.shock[0] = 1;
    updateMedia(w);
    expect(w.s.inc.attention[0]).toBeCloseTo(3.5, 12);
    expect(w.s.inc.posts[0]).toBe(0);
    expect(w.s.inc.shock[0]).toBe(0);
  });

  it('trends while attention is at or above the threshold', () => {
    const { w } = mediaWorld({ branchingRatio: 0, halfLifeDays: 1, trendingThreshold: 8 });
    w.s.inc.excitation[0] = 16;
    const trending: number[] = [];
    for (let d = 0; d < 3; d++) {
      updateMedia(w);
      trending.push(w.s.inc.trending[0]);
    }
    expect(trending).toEqual([1, 1, 0]);
  });

  it('an inactive incident has no attention', () => {
    const { w } = mediaWorld({});
    w.s.inc.active[0] = 0;
    w.s.inc.shock[0] = 5;
    updateMedia(w);
    expect(w.s.inc.attention[0]).toBe(0);
    expect(w.s.inc.shock[0]).toBe(0);
  });

  it('exposes unaware agents with P = 1 − exp(−κ·λ·mediaUse), doubled κ while trending (4 SE, 4000 agents)', () => {
    for (const [lambda, trendingThreshold, factor] of [
      [5, 100, 1],
      [5, 4, 2],
    ]) {
      const { w } = mediaWorld(
        { branchingRatio: 0, exposureRate: 0.05, trendingThreshold },
        4000,
        { mean: 1, sd: 0 }, // every agent at full media use
      );
      w.s.inc.shock[0] = lambda;
      updateMedia(w);
      let aware = 0;
      for (let i = 0; i < w.pop.n; i++) if (w.s.aware[i] === 0) aware++;
      const p = 1 - Math.exp(-0.05 * factor * lambda);
      const se = Math.sqrt((p * (1 - p)) / w.pop.n);
      expect(Math.abs(aware / w.pop.n - p)).toBeLessThan(4 * se);
    }
  });
});

describe('updateMedia (randomStories true, the default)', () => {
  it('draws the day’s stories Poisson(λ), and only the drawn stories excite tomorrow (seed 1; 4 SE over 3000 days)', () => {
    const S = 6;
    const DAYS = 3000;
    const { w, model } = mediaWorld({ randomStories: true, halfLifeDays: 1.5, branchingRatio: 0.6 });
    const { alpha } = hawkesCoefficients(model.scenario.model.media);
    const I = w.s.inc;
    let sum = 0;
    let sumSq = 0;
    let differs = 0;
    for (let d = 0; d < DAYS; d++) {
      I.excitation[0] = 0;
      I.shock[0] = S;
      updateMedia(w);
      const k = I.stories[0];
      expect(Number.isInteger(k)).toBe(true);
      expect(I.attention[0]).toBe(S);
      expect(I.excitation[0]).toBe(alpha * k);
      if (k !== S) differs++;
      sum += k;
      sumSq += k * k;
      w.s.day++;
    }
    const mean = sum / DAYS;
    const variance = (sumSq - DAYS * mean * mean) / (DAYS - 1);
    // Poisson(6): mean 6 (SE √(6/3000) ≈ 0.045) and variance 6 (SE ≈ √((2·6² + 6)/3000) ≈ 0.16).
    expect(Math.abs(mean - S)).toBeLessThan(4 * Math.sqrt(S / DAYS));
    expect(Math.abs(variance - S)).toBeLessThan(4 * Math.sqrt((2 * S * S + S) / DAYS));
    expect(differs).toBeGreaterThan(DAYS / 2);
  });
});
