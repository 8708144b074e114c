import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('sim/report is browser-safe and pure', () => {
  const sources = files(join(REPO, 'sim', 'report'));

  it.each(sources.map((f) => [relative(REPO, f), f]))(
    '%s has no Node imports, randomness or clocks',
    (_, file) => {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/from\s+['"]node:/);
      expect(code).not.toMatch(/from\s+['"](fs|path|os|child_process|crypto)['"]/);
      expect(code).not.toMatch(/\.\.\/io\//);
      expect(code).not.toMatch(/Math\.random|Date\.now|performance\.now|new Date\(\s*\)/);
      expect(code).not.toMatch(/\bprocess\./);
    },
  );
});
