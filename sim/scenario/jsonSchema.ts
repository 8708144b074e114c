/**
 * The JSON Schema of scenario files, generated from the zod schema (the single source of truth) and
 * committed as scenarios/scenario.schema.json (`npm run schema`). Editors use it for completion and hover
 * help: `# yaml-language-server: $schema=…/scenario.schema.json` at the top of a scenario.
 */
import { z } from 'zod';
import { SCENARIO_VERSION, scenarioSchema } from './schema';

export const SCENARIO_SCHEMA_ID = `urn:trustsim:scenario-schema:v${SCENARIO_VERSION}`;

/** Keywords first in this order, then the rest in the order zod wrote them. */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'default',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
];

/** Metadata that param() attaches for docs/parameters.md; the description already carries it, and strict
 * JSON Schema validators reject unknown keywords. */
const DOC_ONLY = new Set(['unit', 'range', 'source', 'grade', 'sweep']);

/** Keywords whose value is a map of names to schemas (the names are data, not keywords). */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'prefixItems',
  'contains',
]);

function tidySchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidySchema);
  if (node === null || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const rank = (k: string) => {
    const i = KEYWORD_ORDER.indexOf(k);
    return i < 0 ? KEYWORD_ORDER.length : i;
  };
  const keys = Object.keys(src)
    .filter((k) => !DOC_ONLY.has(k))
    .map((k, i) => ({ k, i }))
    .sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i)
    .map(({ k }) => k);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = src[k];
    if (SCHEMA_MAPS.has(k) && v && typeof v === 'object') {
      const m: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(v as Record<string, unknown>)) m[name] = tidySchema(sub);
      out[k] = m;
    } else if (SCHEMA_VALUES.has(k)) {
      out[k] = tidySchema(v);
    } else {
      out[k] = v;
    }
  }
  return out;
}

export function buildJsonSchema(): Record<string, unknown> {
  const raw = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const withHeader = {
    ...raw,
    $id: SCENARIO_SCHEMA_ID,
    title: `trustsim scenario (format version ${SCENARIO_VERSION})`,
    description:
      'A trustsim scenario: a brand, its population, incidents and the response strategies to compare. Generated from sim/scenario/schema.ts by `npm run schema`; do not edit.',
  };
  return tidySchema(withHeader) as Record<string, unknown>;
}

/** The committed file's text: two-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
