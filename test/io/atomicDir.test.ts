import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomicDir } from '../../sim/io/atomicDir';

const root = mkdtempSync(join(tmpdir(), 'trustsim-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeAtomicDir', () => {
  it('creates the folder with everything written into it, and no temporary folder left', async () => {
    const out = join(root, 'a', 'out');
    await writeAtomicDir(out, async (tmp) => {
      expect(tmp).toMatch(/out\.tmp-\d+-\d+$/);
      await writeFile(join(tmp, 'x.txt'), 'x');
    });
    expect(readFileSync(join(out, 'x.txt'), 'utf8')).toBe('x');
    expect(readdirSync(join(root, 'a'))).toEqual(['out']);
  });

  it('replaces a previous folder only after the new one is complete', async () => {
    const out = join(root, 'b');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    await writeAtomicDir(out, async (tmp) => {
      expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('old'); // still there while writing
      await writeFile(join(tmp, 'new.txt'), 'new');
    });
    expect(readdirSync(out)).toEqual(['new.txt']);
    expect(readdirSync(root).filter((f) => f.startsWith('b.'))).toEqual([]);
  });

  it('on an error mid-write leaves no partial folder and keeps the previous one intact', async () => {
    const out = join(root, 'c');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'keep');
    await expect(
      writeAtomicDir(out, async (tmp) => {
        await writeFile(join(tmp, 'half.txt'), 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(root).filter((f) => f.startsWith('c.'))).toEqual([]);

    const fresh = join(root, 'd');
    await expect(
      writeAtomicDir(fresh, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('d'))).toEqual([]);
  });

  it('removes the temporary folder on SIGINT and keeps the previous output', () => {
    const out = join(root, 'e');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'keep');
    const module = fileURLToPath(new URL('../../sim/io/atomicDir.ts', import.meta.url));
    const script = `
      import { writeFile } from 'node:fs/promises';
      import { join } from 'node:path';
      const { writeAtomicDir } = await import(${JSON.stringify(module)});
      await writeAtomicDir(${JSON.stringify(out)}, async (tmp) => {
        await writeFile(join(tmp, 'half.txt'), 'half');
        process.kill(process.pid, 'SIGINT');
        await new Promise((r) => setTimeout(r, 5000));
      });
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readdirSync(root).filter((f) => f.startsWith('e.'))).toEqual([]);
  });
});
