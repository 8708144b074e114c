/**
 * buildReportCells' reading aid for counts of people: how many real people one simulated agent stands for, from
 * the segments' sizes and agent counts; absent when agents are people or the counts are unknown.
 */
import { describe, expect, it } from 'vitest';
import { agentWeightNote, buildReportCells } from '../../sim/report/cells';
import { makeFixture } from '../fixtures/report/makeFixture';

const seg = (label: string, size: number, agents?: number) => ({
  id: label,
  label,
  size,
  agents,
  claimant: false,
});

describe('agentWeightNote', () => {
  it('names the lightest and the heaviest agent, with their segments', () => {
    const note = agentWeightNote([
      seg('fridge buyers', 2000, 300),
      seg('public', 300_000_000, 800),
      seg('kol', 200_000, 200),
    ]);
    expect(note).toContain(
      'Each simulated agent stands for between 6.7 real people (fridge buyers) and 375,000 (public).',
    );
    expect(note).toContain('move in steps of up to 375,000 people');
  });

  it('says one figure when every segment has the same weight', () => {
    expect(agentWeightNote([seg('a', 5000, 100), seg('b', 1000, 20)])).toMatch(
      /^Each simulated agent stands for 50 real people\. /,
    );
  });

  it('is null when an agent is (almost) one person, or when an agent count is missing', () => {
    expect(agentWeightNote([seg('a', 900, 300), seg('b', 20, 20)])).toBeNull();
    expect(agentWeightNote([seg('one', 327, 327), seg('b', 20_000, 20)])).toMatch(
      /between 1 real person \(one\) and 1,000 \(b\)/,
    );
    expect(agentWeightNote([seg('a', 1e6, 100), seg('b', 1e6)])).toBeNull();
    expect(agentWeightNote([])).toBeNull();
  });
});

describe('the report', () => {
  const paragraphs = (input: ReturnType<typeof makeFixture>) =>
    buildReportCells(input, [])
      .flatMap((c) => (c.kind === 'text' ? c.blocks : []))
      .flatMap((b) => (b.kind === 'paragraph' ? [b.spans.join('')] : []));

  it('puts the note under the outcomes table when the input gives agent counts', () => {
    const input = makeFixture();
    expect(paragraphs(input).some((p) => p.startsWith('Each simulated agent'))).toBe(false);
    input.scenario.segments = input.scenario.segments.map((s) => ({ ...s, agents: 10 }));
    const note = paragraphs(input).find((p) => p.startsWith('Each simulated agent'));
    expect(note).toBeDefined();
    expect(note).toContain(agentWeightNote(input.scenario.segments) as string);
  });
});
