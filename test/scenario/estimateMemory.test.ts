import { describe, expect, it } from 'vitest';
import { checkMemory, estimateMemory, formatBytes, segmentAgents } from '../../sim/scenario/estimateMemory';
import { scenarioFrom } from './helpers';

describe('estimateMemory', () => {
  it('uses min(size, 2000) agents by default and applies the scale', () => {
    expect(segmentAgents({ size: 500 })).toBe(500);
    expect(segmentAgents({ size: 1e6 })).toBe(2000);
    expect(segmentAgents({ size: 1e6, agents: 10 })).toBe(10);
    expect(segmentAgents({ size: 1e6, agents: 1000 }, 0.1)).toBe(100);
    expect(segmentAgents({ size: 1e6, agents: 1 }, 0.001)).toBe(1);
  });

  it('counts agent state and three times the CSR edge entries', () => {
    const s = scenarioFrom(); // 200 agents, mean degree 16, one incident
    const e = estimateMemory(s);
    expect(e.agents).toBe(200);
    expect(e.edges).toBe(1600);
    expect(e.bytes).toBe(200 * (160 + 6) + 1600 * 2 * 8 * 3);
    expect(estimateMemory(s, 10).agents).toBe(2000);
  });

  it('uses n(n−1)/2 ties for the complete graph and the line count of an inline edge list', () => {
    expect(
      estimateMemory(
        scenarioFrom((x) => {
          x.network = { kind: 'complete' };
        }),
      ).edges,
    ).toBe((200 * 199) / 2);
    const list = scenarioFrom((x) => {
      x.network = { kind: 'edge-list', edges: '0 1\n1 2\n# note\n\n2 3\n' };
    });
    expect(estimateMemory(list).edges).toBe(3);
  });
});

describe('checkMemory', () => {
  it('passes below 70% of the available memory and explains the estimate above it', () => {
    const e = { agents: 1e6, edges: 8e6, bytes: 3 * 1024 ** 3 };
    expect(checkMemory(e, 8 * 1024 ** 3)).toBeUndefined();
    const tooBig = checkMemory(e, 4 * 1024 ** 3);
    expect(tooBig?.message).toMatch(
      /about 3\.0 GB \(1,000,000 agents, 8,000,000 ties\), more than 70% of the 4\.0 GB available/,
    );
    expect(tooBig?.hint).toMatch(/agents.*--scale/);
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('1 kB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });
});
