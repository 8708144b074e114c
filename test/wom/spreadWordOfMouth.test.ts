/**
 * Word of mouth: everyday chatter runs about 3:1 positive for the default trust distribution (a check on the
 * defaults, East et al. 2007); incident talk spreads awareness only along ties, one hop a day in the SI limit;
 * a message's stance is ignored beyond the confidence bound ε.
 */
import { describe, expect, it } from 'vitest';
import { F_RECOVERED } from '../../sim/engine/World';
import { spreadWordOfMouth } from '../../sim/wom/spreadWordOfMouth';
import { abilityIncident, makeWorld, metric, scenario, stepDays } from '../helpers/world';

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
      incidents: [abilityIncident({ severity: 0.3 })],
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

  /**
   * Agent 0 (aware since day 0, spreading) talks on day 1 to its one tie, agent 1 (already aware: only the stance
   * travels), both at trust `T`. Returns the world after one word-of-mouth phase.
   */
  function oneTalk(T: number, setup: (w: ReturnType<typeof makeWorld>['w']) => void = () => {}) {
    const { w } = makeWorld(
      twoPaths({
        incidents: [
          abilityIncident({ violation: { ability: 0.5, benevolence: 0.3, integrity: 0.2 }, severity: 0.3 }),
        ],
      }),
    );
    const s = w.s;
    s.inc.active[0] = 1;
    s.aware[0] = 0;
    s.spreading[0] = 1;
    s.aware[1] = 0;
    s.T[0] = T;
    s.T[1] = T;
    s.day = 1;
    setup(w);
    spreadWordOfMouth(w);
    return w;
  }

  // Evidence is stored as float32: expected values are compared to 8 decimals (|Δ| < 5e-9).
  it('a critic passes the violation on as bad news, weighted by its mix and buffered by the listener’s commitment', () => {
    const w = oneTalk(0.3);
    const p = w.model.scenario.model;
    const infl = p.wom.influence * (0.5 + w.pop.susceptibility[1]);
    const buffered = 1 - p.trust.commitmentBuffer * w.pop.commitment[1];
    expect(w.ev.negA[1]).toBeCloseTo(-infl * 0.5 * buffered, 8);
    expect(w.ev.negB[1]).toBeCloseTo(-infl * 0.3 * buffered, 8);
    expect(w.ev.negI[1]).toBeCloseTo(-infl * 0.2 * buffered, 8);
    expect([w.ev.posA[1], w.ev.posB[1], w.ev.posI[1]]).toEqual([0, 0, 0]);
    // Counted as negative word of mouth and as a post that feeds the media.
    expect(w.s.seg.womNeg[0]).toBe(w.pop.weight[0]);
    expect(w.s.seg.womPos[0]).toBe(0);
    expect(w.s.inc.posts[0]).toBe(w.pop.weight[0]);
  });

  it('a committed high-trust defender (T ≥ 0.75, commitment ≥ 0.5) passes on good news instead', () => {
    const w = oneTalk(0.8, (w) => {
      w.pop.commitment[0] = 0.9;
    });
    const infl = w.model.scenario.model.wom.influence * (0.5 + w.pop.susceptibility[1]);
    for (const e of [w.ev.posA, w.ev.posB, w.ev.posI]) expect(e[1]).toBeCloseTo(infl / 3, 8);
    expect([w.ev.negA[1], w.ev.negB[1], w.ev.negI[1]]).toEqual([0, 0, 0]);
    expect(w.s.seg.womPos[0]).toBe(w.pop.weight[0]);
    expect(w.s.seg.womNeg[0]).toBe(0);
    expect(w.s.inc.posts[0]).toBe(0);
    // The same trust without the commitment is a critic.
    const critic = oneTalk(0.8, (w) => {
      w.pop.commitment[0] = 0.4;
    });
    expect(critic.ev.negA[1]).toBeLessThan(0);
    expect(critic.s.seg.womPos[0]).toBe(0);
  });

  it('a claimant recovered from this incident speaks well of the company', () => {
    const w = oneTalk(0.3, (w) => {
      w.s.claimantOf[0] = 0;
      w.s.flags[0] |= F_RECOVERED;
    });
    expect(w.ev.posA[1]).toBeGreaterThan(0);
    expect(w.ev.negA[1]).toBe(0);
    expect(w.s.seg.womPos[0]).toBe(w.pop.weight[0]);
  });

  it('spreaders stop by themselves with the forgetting probability (1: all today; 0: none)', () => {
    for (const [forgetProbability, after] of [
      [1, 2],
      [0, 1],
    ] as const) {
      const { w } = makeWorld(
        twoPaths({
          model: {
            mechanisms: { media: false, chatter: false },
            wom: { talkRate: 0, stifleProbability: 0, forgetProbability },
          },
        }),
      );
      const s = w.s;
      s.inc.active[0] = 1;
      for (const i of [0, 5]) {
        s.aware[i] = 0;
        s.spreading[i] = 1;
      }
      s.day = 1;
      spreadWordOfMouth(w);
      expect([s.spreading[0], s.spreading[5]]).toEqual([after, after]);
      expect(s.aware[1]).toBe(-1); // nobody talked
    }
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
