import { describe, expect, it } from 'vitest';
import { MigrationError, migrate } from '../../sim/scenario/migrate';
import { SCENARIO_VERSION, scenarioSchema } from '../../sim/scenario/schema';
import { baseInput } from './helpers';

describe('migrate', () => {
  it('leaves a current-version scenario untouched', () => {
    const input = baseInput();
    const m = migrate(input);
    expect(m.value).toBe(input);
    expect(m.notes).toEqual([]);
    expect(m.fromVersion).toBe(SCENARIO_VERSION);
  });

  it('migrates a version-0 file (no version, meta.name, responses, action) to a valid version 1', () => {
    const v0 = {
      meta: { name: 'Old' },
      calendar: { start: '2025-03-01', end: '2025-03-31' },
      population: { segments: [{ id: 'a', size: 10 }] },
      incidents: [
        {
          id: 'i',
          date: '2025-03-02',
          violation: { ability: 1, benevolence: 0, integrity: 0 },
          cluster: 'victim',
          severity: 0.5,
        },
      ],
      strategies: [{ id: 's', responses: [{ when: { after: 'i' }, action: 'apology', incident: 'i' }] }],
    };
    const before = structuredClone(v0);
    const m = migrate(v0);
    expect(v0).toEqual(before); // the input is not mutated
    expect(m.fromVersion).toBe(0);
    expect(m.notes).toEqual([
      'no `version` key: read as a legacy version-0 file and migrated to version 1; add `version: 1`',
      'meta.name is now meta.title',
      'strategies[].responses is now strategies[].rules',
      'rules[].action is now rules[].do',
    ]);
    const v1 = m.value as Record<string, unknown>;
    expect(Object.keys(v1)[0]).toBe('version');
    expect(scenarioSchema.safeParse(v1).success).toBe(true);
  });

  it('reads an explicit version 0 the same way', () => {
    const m = migrate({ version: 0, meta: { name: 'x' } });
    expect(m.notes[0]).toBe('format version 0 migrated to version 1');
    expect((m.value as { meta: { title: string } }).meta.title).toBe('x');
  });

  it('keeps a v1 key when both names are present (validation then flags the legacy one)', () => {
    const m = migrate({ meta: { name: 'a', title: 'b' } });
    expect((m.value as { meta: object }).meta).toEqual({ name: 'a', title: 'b' });
  });

  it('refuses a file from a newer trustsim', () => {
    expect(() => migrate({ version: SCENARIO_VERSION + 1 })).toThrow(/written by a newer trustsim/);
    let thrown: unknown;
    try {
      migrate({ version: SCENARIO_VERSION + 6 });
    } catch (e) {
      thrown = e;
    }
    // Checked outside the catch, so a call that does not throw fails here instead of skipping the checks.
    expect(thrown).toBeInstanceOf(MigrationError);
    expect((thrown as MigrationError).path).toEqual(['version']);
    expect((thrown as MigrationError).hint).toBe('upgrade trustsim');
  });

  it('refuses versions that are not integers', () => {
    for (const v of ['1', 1.5, -1, null, true]) expect(() => migrate({ version: v })).toThrow(MigrationError);
  });

  it('passes non-maps through for validation to report', () => {
    expect(migrate([1]).value).toEqual([1]);
    expect(migrate('x').value).toBe('x');
  });
});
