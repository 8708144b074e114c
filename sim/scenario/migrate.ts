/**
 * Scenario format versions and migration to the current one (SCENARIO_VERSION).
 *
 * Version 0 (legacy, trustsim before the format was versioned) differs from version 1 in three ways:
 * - there is no `version` key (an explicit `version: 0` is read the same way);
 * - the title is `meta.name` (version 1: `meta.title`);
 * - a strategy's rules are `strategies[].responses` (version 1: `rules`), and a rule's action is
 *   `action` (version 1: `do`).
 * Everything else is the same. Migration renames these keys and records a note for each change.
 * A file written by a newer trustsim (version > SCENARIO_VERSION) is an error.
 */
import { SCENARIO_VERSION } from './schema';

export class MigrationError extends Error {
  readonly path: (string | number)[];
  readonly hint: string | undefined;
  constructor(message: string, path: (string | number)[], hint?: string) {
    super(message);
    this.name = 'MigrationError';
    this.path = path;
    this.hint = hint;
  }
}

export interface Migrated {
  value: unknown;
  /** What was changed, for people (shown as warnings). */
  notes: string[];
  /** The version the input was written in (the current version when nothing changed). */
  fromVersion: number;
}

/** Keys renamed by migration, new name → legacy name, so diagnostics can point at the key as written. */
export const LEGACY_KEY_NAMES: Readonly<Record<string, string>> = {
  title: 'name',
  rules: 'responses',
  do: 'action',
};

type Loose = Record<string, unknown>;
const isMap = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A copy of `o` with key `from` renamed `to`, in the same key order; undefined when there is nothing to do. */
function renamed(o: Loose, from: string, to: string): Loose | undefined {
  if (!Object.hasOwn(o, from) || Object.hasOwn(o, to)) return undefined;
  const out: Loose = {};
  for (const [k, v] of Object.entries(o)) out[k === from ? to : k] = v;
  return out;
}

function migrate0to1(doc: Loose, notes: string[]): Loose {
  const out: Loose = { version: 1 };
  for (const [k, v] of Object.entries(doc)) if (k !== 'version') out[k] = v;
  if (isMap(out.meta)) {
    const meta = renamed(out.meta, 'name', 'title');
    if (meta) {
      out.meta = meta;
      notes.push('meta.name is now meta.title');
    }
  }
  let renamedResponses = 0;
  let renamedActions = 0;
  if (Array.isArray(out.strategies)) {
    out.strategies = out.strategies.map((st) => {
      if (!isMap(st)) return st;
      let s = st;
      const r = renamed(s, 'responses', 'rules');
      if (r) {
        s = r;
        renamedResponses++;
      }
      if (Array.isArray(s.rules)) {
        s = {
          ...s,
          rules: s.rules.map((rule) => {
            const a = isMap(rule) ? renamed(rule, 'action', 'do') : undefined;
            if (!a) return rule;
            renamedActions++;
            return a;
          }),
        };
      }
      return s;
    });
  }
  if (renamedResponses > 0) notes.push('strategies[].responses is now strategies[].rules');
  if (renamedActions > 0) notes.push('rules[].action is now rules[].do');
  return out;
}

/** Each step returns a new value and never changes its input. */
const STEPS: Record<number, (doc: Loose, notes: string[]) => Loose> = { 0: migrate0to1 };

/**
 * Bring a parsed scenario to the current format version. Input that is not a map is returned as it is
 * (validation reports it). Throws MigrationError for an unreadable or future version.
 */
export function migrate(raw: unknown): Migrated {
  if (!isMap(raw)) return { value: raw, notes: [], fromVersion: SCENARIO_VERSION };
  const v = raw.version;
  let from: number;
  if (v === undefined) from = 0;
  else if (typeof v === 'number' && Number.isInteger(v) && v >= 0) from = v;
  else {
    throw new MigrationError(
      `expected the format version ${SCENARIO_VERSION} (an integer), got ${typeof v === 'string' ? `the text ${JSON.stringify(v.slice(0, 40))}` : String(v)}`,
      ['version'],
      `write version: ${SCENARIO_VERSION}`,
    );
  }
  if (from > SCENARIO_VERSION) {
    throw new MigrationError(
      `this file was written by a newer trustsim (format version ${from}; this trustsim reads versions 0–${SCENARIO_VERSION})`,
      ['version'],
      'upgrade trustsim',
    );
  }
  if (from === SCENARIO_VERSION) return { value: raw, notes: [], fromVersion: from };
  let doc: Loose = raw;
  const notes: string[] = [
    v === undefined
      ? `no \`version\` key: read as a legacy version-0 file and migrated to version ${SCENARIO_VERSION}; add \`version: ${SCENARIO_VERSION}\``
      : `format version ${from} migrated to version ${SCENARIO_VERSION}`,
  ];
  for (let k = from; k < SCENARIO_VERSION; k++) doc = STEPS[k]!(doc, notes);
  return { value: doc, notes, fromVersion: from };
}
