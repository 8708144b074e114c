/**
 * Read the scenario files of scenarios/validation (Node) for the validation checks: each through the ordinary
 * loader, so a broken file fails with its file:line:col diagnostics.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario/schema';
import { loadScenario } from './loadScenario';

/** The repository's scenarios/validation folder. */
export const VALIDATION_SCENARIO_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scenarios',
  'validation',
);

export class ValidationScenarioError extends Error {}

export async function loadValidationScenarios(
  names: string[],
  dir = VALIDATION_SCENARIO_DIR,
): Promise<Record<string, Scenario>> {
  const out: Record<string, Scenario> = {};
  for (const name of names) {
    const file = join(dir, `${name}.yaml`);
    const r = await loadScenario(file);
    if (!r.ok) {
      const lines = r.errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.path}: ${e.message}`);
      throw new ValidationScenarioError(`invalid validation scenario ${name}:\n${lines.join('\n')}`);
    }
    out[name] = r.scenario;
  }
  return out;
}
