/**
 * docs/parameters.md, generated from the zod schema: one table per part of the scenario with key path,
 * default, unit, range, source and evidence grade, then every grade-A assumption with the range to sweep, then every
 * other parameter that names a sweep range.
 */
import { z } from 'zod';
import { defOf, describeSchema, unwrapSchema } from './diagnostics';
import type { Grade } from './param';
import { SCENARIO_VERSION, scenarioSchema } from './schema';

interface Meta {
  description?: string;
  unit?: string;
  range?: string;
  source?: string;
  grade?: Grade;
  sweep?: string;
}

export interface ParamRow {
  path: string;
  default: string;
  unit: string;
  range: string;
  source: string;
  grade: string;
  sweep: string;
  description: string;
}

/** Metadata of a field: on the field itself or on a wrapped schema inside it. */
function metaOf(schema: z.ZodType): Meta | undefined {
  let s: z.ZodType | undefined = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const m = z.globalRegistry.get(s) as Meta | undefined;
    if (m && (m.description || m.grade)) return m;
    const def = defOf(s);
    s = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

function round(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(4));
}

function formatDefault(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(round(v));
  if (typeof v === 'string') return v === '' ? '""' : `"${v}"`;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : JSON.stringify(v);
  if (v && typeof v === 'object') {
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${formatDefault(x)}`)
      .join(', ')} }`;
  }
  return String(v);
}

function defaultOf(schema: z.ZodType): string {
  let s: z.ZodType | undefined = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const def = defOf(s);
    if (def.type === 'default' || def.type === 'prefault') return formatDefault(def.defaultValue);
    if (def.type === 'optional') return '—';
    s = def.innerType;
  }
  return 'required';
}

function plainDescription(meta: Meta | undefined): string {
  const d = meta?.description ?? '';
  return meta?.grade ? d.split(' Unit: ')[0]!.trim() : d;
}

/** Rows for every documented field under `schema`, with key paths starting at `prefix`. */
export function collectRows(schema: z.ZodType, prefix: string): ParamRow[] {
  const rows: ParamRow[] = [];
  const walk = (s: z.ZodType, path: string, seen: Set<string>) => {
    const u = unwrapSchema(s);
    const def = defOf(u);
    if (def.type === 'object' && def.shape) {
      for (const [key, field] of Object.entries(def.shape)) visit(field, path ? `${path}.${key}` : key, seen);
    } else if (def.type === 'union' && def.options) {
      for (const o of def.options) walk(o, path, seen);
    } else if (def.type === 'array' && def.element) {
      walk(def.element, `${path}[]`, seen);
    }
  };
  const visit = (field: z.ZodType, path: string, seen: Set<string>) => {
    if (seen.has(path)) return;
    const meta = metaOf(field);
    const u = unwrapSchema(field);
    const type = defOf(u).type;
    const isContainer =
      type === 'object' ||
      type === 'union' ||
      (type === 'array' && defOf(unwrapSchema(defOf(u).element!)).type === 'object');
    if (meta?.grade || !isContainer) {
      seen.add(path);
      rows.push({
        path,
        default: defaultOf(field),
        unit: meta?.unit ?? '',
        range: meta?.range ?? describeSchema(u),
        source: meta?.source ?? '',
        grade: meta?.grade ?? '',
        sweep: meta?.sweep ?? '',
        description: plainDescription(meta),
      });
      return;
    }
    walk(field, path, seen);
  };
  walk(schema, prefix, new Set());
  return rows;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(rows: ParamRow[]): string {
  const head =
    '| key | default | unit | range | source | grade | meaning |\n| --- | --- | --- | --- | --- | --- | --- |';
  const body = rows.map(
    (r) =>
      `| \`${cell(r.path)}\` | ${cell(r.default)} | ${cell(r.unit)} | ${cell(r.range)} | ${cell(r.source)} | ${r.grade} | ${cell(r.description)} |`,
  );
  return [head, ...body].join('\n');
}

interface Section {
  title: string;
  path: string;
  schema: z.ZodType;
}

function sections(): Section[] {
  const shape = scenarioSchema.shape;
  const model = defOf(unwrapSchema(shape.model)).shape!;
  const modelTitles: Record<string, string> = {
    trust: 'Trust (updateTrust)',
    incidents: 'Incidents and attribution',
    recovery: 'Service recovery and justice',
    announcements: 'Company announcements',
    media: 'Media attention (updateMedia)',
    wom: 'Word of mouth (spreadWordOfMouth)',
    grievance: 'Grievance and avoidance (updateGrievance)',
    behaviour: 'Behaviour: complaints, groups, churn, purchases (actOnBehaviour)',
    mechanisms: 'Mechanism switches',
  };
  return [
    {
      title: 'Scenario header',
      path: '',
      schema: z.strictObject({ version: shape.version, meta: shape.meta, calendar: shape.calendar }),
    },
    { title: 'Population segments', path: 'population', schema: shape.population },
    { title: 'Network', path: 'network', schema: shape.network },
    ...Object.entries(model).map(([k, s]) => ({
      title: `Model: ${modelTitles[k] ?? k}`,
      path: `model.${k}`,
      schema: s,
    })),
    { title: 'History (before the calendar starts)', path: 'history', schema: shape.history },
    { title: 'Incidents', path: 'incidents', schema: shape.incidents },
    { title: 'Events', path: 'events', schema: shape.events },
    { title: 'Seed awareness', path: 'seedAwareness', schema: shape.seedAwareness },
    { title: 'Strategies: controls and response rules', path: 'strategies', schema: shape.strategies },
    { title: 'Outputs', path: 'outputs', schema: shape.outputs },
  ];
}

export function buildParameterDocs(): string {
  const parts: string[] = [
    '# Scenario parameters',
    '',
    `<!-- Generated from sim/scenario/schema.ts by \`npm run schema\` (format version ${SCENARIO_VERSION}). Do not edit by hand. -->`,
    '',
    'Every key a scenario file may set, with its default. Model parameters carry a unit, a sensible range, a source and an',
    'evidence grade (see shared/design/EVIDENCE.md):',
    '',
    '- **H** well established; **M** one strong study; **L** weak or second-hand; **A** an assumption — calibrate it, and sweep',
    '  the range given below before drawing conclusions.',
    '',
    'The grade is that of the default *value*. Where the rule or direction is better supported than the value, the source',
    'says so (“direction M; value A”). A calibrated value is graded A; its source names the target and that target’s grade.',
    '',
    '“range” is the sensible range in words; the schema enforces wider hard bounds (the loader reports them).',
    '',
  ];
  const all: ParamRow[] = [];
  for (const section of sections()) {
    const rows = collectRows(section.schema, section.path);
    for (const r of rows) all.push(r);
    parts.push(`## ${section.title}`, '', table(rows), '');
  }
  const assumptions = all.filter((r) => r.grade === 'A');
  parts.push(
    '## Assumptions (grade A) and the ranges to sweep',
    '',
    `${assumptions.length} parameters are assumptions. Sweep each over the range given (its \`sweep\` where the schema names one, else its sensible range) to see whether a conclusion depends on it.`,
    '',
    '| key | default | sweep | from |',
    '| --- | --- | --- | --- |',
    ...assumptions.map(
      (r) =>
        `| \`${cell(r.path)}\` | ${cell(r.default)} | ${cell(r.sweep || r.range)} | ${r.sweep ? 'sweep' : 'range'} |`,
    ),
    '',
  );
  const otherSweeps = all.filter((r) => r.grade !== 'A' && r.sweep);
  if (otherSweeps.length > 0) {
    parts.push(
      '## Other parameters with a sweep range',
      '',
      'These defaults rest on some evidence (grade H, M or L), but the schema still names a range to sweep them over.',
      '',
      '| key | default | grade | sweep |',
      '| --- | --- | --- | --- |',
      ...otherSweeps.map(
        (r) => `| \`${cell(r.path)}\` | ${cell(r.default)} | ${r.grade} | ${cell(r.sweep)} |`,
      ),
      '',
    );
  }
  return parts.join('\n');
}
