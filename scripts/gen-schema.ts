/**
 * Regenerate the committed artefacts of the scenario schema (`npm run schema`):
 * scenarios/scenario.schema.json and docs/parameters.md. A test fails when either is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../sim/scenario/jsonSchema';
import { buildParameterDocs } from '../sim/scenario/paramDocs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const GENERATED = {
  'scenarios/scenario.schema.json': () => jsonSchemaText(),
  'docs/parameters.md': () => buildParameterDocs(),
} as const;

function main(): void {
  for (const [rel, build] of Object.entries(GENERATED)) {
    const file = resolve(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, build());
    console.log(`wrote ${rel}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
