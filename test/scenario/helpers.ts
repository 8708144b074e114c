import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Scenario, type ScenarioInput, scenarioSchema } from '../../sim/scenario/schema';

export const fixture = (rel: string): string => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
export const readFixture = (rel: string): string => readFileSync(fixture(rel), 'utf8');

/** A small valid scenario as written (defaults not applied); tests change one thing at a time. */
export function baseInput(): ScenarioInput {
  return {
    version: 1,
    meta: { title: 'Test' },
    calendar: { start: '2025-03-01', end: '2025-03-31' },
    population: { segments: [{ id: 'owners', size: 10_000, agents: 200 }] },
    incidents: [
      {
        id: 'fridge',
        date: '2025-03-03',
        violation: { ability: 0.7, benevolence: 0.2, integrity: 0.1 },
        cluster: 'preventable',
        severity: 0.6,
        claimants: { segment: 'owners', share: 0.1, lossCny: 3000 },
      },
    ],
    strategies: [
      { id: 'silent', rules: [] },
      {
        id: 'apologise',
        rules: [
          { when: { trigger: 'complaints_7d > 50' }, do: 'apology', incident: 'fridge' },
          { when: { after: 'fridge', days: 2 }, do: 'compensation', incident: 'fridge', amountCny: 3000 },
        ],
      },
    ],
    outputs: { baseline: 'silent' },
  };
}

export function scenarioFrom(change?: (s: ScenarioInput) => void): Scenario {
  const input = baseInput();
  change?.(input);
  return scenarioSchema.parse(input);
}
