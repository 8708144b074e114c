/**
 * Word of mouth: everyday chatter runs about 3:1 positive for the default trust distribution (a check on the
 * defaults, East et al. 2007); incident talk spreads awareness only along ties, one hop a day in the SI limit;
 * a message's stance is ignored beyond the confidence bound ε.
 */
import { describe, expect, it } from 'vitest';
import { spreadWordOfMouth } from '../../sim/wom/spreadWordOfMouth';
import { makeWorld, metric, scenario, stepDays } from '../helpers/world';

describe('everyday chatter', () => {
  const sc = scenario({
    calendar: { start: '2025-01-01', end: '2025-03-01' },
    population: { segments: [{ id: 'p', size: 2000, agents: 2000 }] },
  });

  /** Realised and expected (from the kernel's own probabilities at the initial trust) chatter counts. */
  function chatterCounts(seed: number) {
    const { w, rt, model } = makeWorld(sc, { seed });
    const p = model.scenario.model.wom;
    let ePos = 0;
    let eNeg = 0;
    for (let i = 0; i < w.pop.n; i++) {
      const T = w.s.T[i];
      const dis = T < 0.5 ? (0.5 - T) * 2 : 0;
      const pc = p.chatterRate * 2 * w.pop.talkativeness[i] * (1 + p.dissatisfiedTalkGain * dis);
      const tk = T ** p.chatterSharpness;
      const pp = tk / (tk + (1 - T) ** p.chatterSharpness);
      ePos += pc * pp * w.pop.weight[i] * model.days;
      eNeg += pc * (1 - pp) * w.pop.weight[i] * model.days;
    }
    stepDays(w, rt);
    let pos = 0;
    let neg = 0;
    for (let d = 0; d < model.days; d++) {
      pos += metric(w, d, 'wom_positive');
      neg += metric(w, d, 'wom_negative');
    }
    return { pos, neg, ePos, eNeg };
  }

  it.each([1, 2])('chatter counts match the kernel’s probabilities (4 Poisson SE; seed %i)', (seed) => {
    // Trust hardly moves without incidents, so the day-0 probabilities hold all along. Counts are sums of
    // Bernoulli draws of weight 1: within 4 Poisson SE of their expectation.
    const { pos, neg, ePos, eNeg } = chatterCounts(seed);
    expect(Math.abs(pos - ePos)).toBeLessThan(4 * Math.sqrt(ePos));
    expect(Math.abs(neg - eNeg)).toBeLessThan(4 * Math.sqrt(eNeg));
  });

  // With the default chatterSharpness (2) and the default trust distribution, everyday chatter runs about 3:1.
  // The expected ratio (no sampling noise) is checked; the realised counts are tied to it by the test above.
  it.each([1, 2])(
    'runs about 3:1 positive to negative with no incident (expected ratio within 2–4; seed %i)',
    (seed) => {
      const { ePos, eNeg } = chatterCounts(seed);
      expect(ePos / eNeg).toBeGreaterThanOrEqual(2);
      expect(ePos / eNeg).toBeLessThanOrEqual(4);
    },
  );

  it('κ = 2 gives about 3:1 for the default trust distribution (within 2–4)', () => {
    const { w, rt, model } = makeWorld(
      scenario({ ...sc, model: { wom: { chatterSharpness: 2 } } } as Record<string, unknown>),
      { seed: 1 },
    );
    stepDays(w, rt);
    let pos = 0;
    let neg = 0;
    for (let d = 0; d < model.days; d++) {
      pos += metric(w, d, 'wom_positive');
      neg += metric(w, d, 'wom_negative');
    }
    expect(pos / neg).toBeGreaterThanOrEqual(2);
    expect(pos / neg).toBeLessThanOrEqual(4);
  });
});

describe('incident talk', () => {
  const twoPaths = (extra: Record<string, unknown> = {}) =>
    scenario({
      population: { segments: [{ id: 'p', size: 10, agents: 10, talkativeness: { mean: 0.5, sd: 0 } }] },
      network: { kind: 'edge-list', edges: '0 1\n1 2\n2 3\n3 4\n5 6\n6 7\n7 8\n8 9' },
      model: {
        mechanisms: { media: false, chatter: false },
        wom: { talkRate: 1, contactProbability: 1, stifleProbability: 0, forgetProbability: 0 },
      },
      incidents: [
        {
          id: 'x',
          date: '2025-01-01',
          violation: { ability: 1, benevolence: 0, integrity: 0 },
          cluster: 'accidental',
          severity: 0.3,
        },
      ],
      seedAwareness: [{ incident: 'x', agents: [0] }],
      ...extra,
    });

  it('spreads only along ties, one hop a day, in the SI limit (talk and contact certain, no stifling)', () => {
    const { w, rt } = makeWorld(twoPaths());
    stepDays(w, rt, 12);
    expect(Array.from(w.s.aware.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(w.s.aware.slice(5, 10))).toEqual([-1, -1, -1, -1, -1]);
  });

  it('a talker stops after meeting someone aware when stifling is certain (Maki–Thompson)', () => {
    const sc = twoPaths({
      model: {
        mechanisms: { media: false, chatter: false },
        wom: { talkRate: 1, contactProbability: 1, stifleProbability: 1, forgetProbability: 0 },
      },
    });
    const { w, rt } = makeWorld(sc);
    stepDays(w, rt, 3);
    // Day 2: agent 1 talks to 0 (aware) and 2 (unaware) — it met someone aware, so it is stifled.
    expect(w.s.spreading[1]).toBe(2);
    expect(w.s.aware[2]).toBe(2);
  });

  it('ignores a message’s stance when the two agents’ trust differs by more than ε', () => {
    for (const [gap, heard] of [
      [0.5, false],
      [0.1, true],
    ] as const) {
      const { w } = makeWorld(
        twoPaths({
          model: {
            mechanisms: { media: false, chatter: false },
            wom: { talkRate: 1, contactProbability: 1, confidenceBound: 0.35, stifleProbability: 0 },
          },
        }),
      );
      const s = w.s;
      s.inc.active[0] = 1;
      s.aware[0] = 0;
      s.spreading[0] = 1;
      s.aware[1] = 0; // already aware: no awareness hit, only the stance
      s.T[0] = 0.3;
      s.T[1] = 0.3 + gap;
      s.day = 1;
      spreadWordOfMouth(w);
      expect(w.ev.mark[1] === 1).toBe(heard);
    }
  });
});
