import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../sim/scenario/', import.meta.url));

describe('sim/scenario is browser-safe and deterministic', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    it(f, () => {
      const src = readFileSync(`${dir}${f}`, 'utf8');
      expect(src).not.toMatch(/from ['"]node:/);
      expect(src).not.toMatch(/\brequire\(/);
      expect(src).not.toMatch(/Math\.random|Date\.now|performance\.now|new Date\(\)/);
      expect(src).not.toMatch(/\bprocess\.[a-zA-Z]/);
    });
  }
});
