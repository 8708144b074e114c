import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildJsonSchema, jsonSchemaText } from '../../sim/scenario/jsonSchema';
import { buildParameterDocs, collectRows } from '../../sim/scenario/paramDocs';
import { scenarioSchema } from '../../sim/scenario/schema';
import { readFixture } from './helpers';

const repo = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const STALE = 'is stale: run `npm run schema` and commit the result';

describe('generated schema artefacts', () => {
  it('scenarios/scenario.schema.json is up to date', () => {
    const committed = readFileSync(repo('scenarios/scenario.schema.json'), 'utf8');
    expect(committed === jsonSchemaText(), `scenarios/scenario.schema.json ${STALE}`).toBe(true);
  });

  it('docs/parameters.md is up to date', () => {
    const committed = readFileSync(repo('docs/parameters.md'), 'utf8');
    expect(committed === buildParameterDocs(), `docs/parameters.md ${STALE}`).toBe(true);
  });

  it('is deterministic', () => {
    expect(jsonSchemaText()).toBe(jsonSchemaText());
    expect(buildParameterDocs()).toBe(buildParameterDocs());
  });
});

describe('the JSON Schema', () => {
  const schema = buildJsonSchema();

  it('has an id, a title and the 2020-12 dialect first', () => {
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('compiles in a strict validator and accepts the valid fixtures', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(schema);
    for (const f of ['valid/minimal.yaml', 'valid/minimal.json', 'valid/edge-list-file.yaml']) {
      const ok = validate(parse(readFixture(f)));
      expect(ok, `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(parse(readFixture('broken/unknown-key-meta.yaml')))).toBe(false);
  });
});

describe('docs/parameters.md', () => {
  const md = buildParameterDocs();

  it('has a table per model section with unit, range, source and grade', () => {
    for (const section of [
      '## Model: Trust',
      '## Model: Media attention',
      '## Population segments',
      '## Incidents',
    ]) {
      expect(md).toContain(section);
    }
    expect(md).toContain(
      '| `model.trust.learningRate` | 0.12 | per unit evidence | 0.02–0.3 | model convention (calibration) | A |',
    );
    expect(md).toContain('| `incidents[].claimants.lossCny` | required | ¥ | >0 | scenario data | L |');
  });

  it('lists every grade-A parameter with the range to sweep', () => {
    const start = md.indexOf('## Assumptions (grade A) and the ranges to sweep');
    const end = md.indexOf('\n## ', start + 1);
    const section = md.slice(start, end === -1 ? undefined : end);
    expect(section).toContain('| `model.media.branchingRatio` | 0.6 | 0.3–0.9 | sweep |');
    expect(section).toContain('| `model.behaviour.priceCny` | 2000 | 500–5000 | range |');
    const rows = md.split('\n').filter((l) => /^\| `[^`]+` .*\| A \|/.test(l));
    const listed = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(listed.length).toBe(rows.length);
  });

  it('lists every other parameter that names a sweep range, with its grade', () => {
    const section = md.slice(md.indexOf('## Other parameters with a sweep range'));
    expect(section).toContain('| `model.trust.lambdaPeak` | 2.25 | L | 1.5–5 |');
    expect(section).toContain('| `model.recovery.escalationProbability` | 0.4 | L | 0–0.6 |');
    expect(section).not.toMatch(/\| A \|/);
  });
});

describe('model defaults carry a source and a grade', () => {
  // The switches of model.mechanisms default to the whole model (they only turn parts off for validation and
  // teaching), and network.directed says how to read an edge-list file: neither is a modelling assumption.
  const NOT_ASSUMPTIONS = /^(model\.mechanisms\.|network\.directed$)/;

  it('every defaulted key under model, network and population names its source and its H/M/L/A grade', () => {
    const rows = collectRows(scenarioSchema, '').filter(
      (r) =>
        /^(model|network|population)\./.test(r.path) &&
        r.default !== 'required' &&
        r.default !== '—' &&
        !NOT_ASSUMPTIONS.test(r.path),
    );
    expect(rows.length).toBeGreaterThan(100);
    const bare = rows.filter((r) => r.source === '' || !/^[HMLA]$/.test(r.grade)).map((r) => r.path);
    expect(bare).toEqual([]);
  });
});
