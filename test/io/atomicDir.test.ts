import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutDir, defaultOutDir, OutDirError, writeAtomicDir } from '../../sim/io/atomicDir';

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

  it('removes the temporary folder on SIGINT while file writes are still in flight on the thread pool', () => {
    // Ctrl-C lands while writes queued earlier are still creating files in the temporary folder (as when the
    // report's files are being written): removing the folder must not give up on the first file that appears
    // behind its back (ENOTEMPTY), which left `<out>.tmp-<pid>-<n>` beside the output.
    const out = join(root, 'inflight');
    const module = fileURLToPath(new URL('../../sim/io/atomicDir.ts', import.meta.url));
    const script = `
      import { writeFile } from 'node:fs/promises';
      import { join } from 'node:path';
      const { writeAtomicDir } = await import(${JSON.stringify(module)});
      await writeAtomicDir(${JSON.stringify(out)}, async (tmp) => {
        const writes = [];
        for (let i = 0; i < 4000; i++) writes.push(writeFile(join(tmp, 'f' + i + '.txt'), 'x'));
        process.kill(process.pid, 'SIGINT');
        await Promise.allSettled(writes);
        await new Promise((r) => setTimeout(r, 5000));
      });
    `;
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.signal).toBe('SIGINT');
      expect(readdirSync(root).filter((f) => f.startsWith('inflight'))).toEqual([]);
    }
  });

  it('an interrupt that arrives while the thread is busy, before the write begins, leaves no folder', () => {
    const out = join(root, 'busy');
    const module = fileURLToPath(new URL('../../sim/io/atomicDir.ts', import.meta.url));
    // The signal is sent before writeAtomicDir is called and handled only once the thread is free again, as when
    // chart rendering keeps it busy: the handler must already be there and remove the temporary folder.
    const script = `
      const { writeAtomicDir } = await import(${JSON.stringify(module)});
      process.kill(process.pid, 'SIGINT');
      const job = writeAtomicDir(${JSON.stringify(out)}, async () => {
        await new Promise((r) => setTimeout(r, 5000));
      });
      const t = Date.now();
      while (Date.now() - t < 300) {}
      await job;
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBe('SIGINT');
    expect(readdirSync(root).filter((f) => f.startsWith('busy'))).toEqual([]);
  });

  it('removes the temporary folders of killed runs, and puts back a set-aside output they left', async () => {
    const out = join(root, 'stale');
    mkdirSync(`${out}.tmp-999999999-1`);
    mkdirSync(`${out}.old-999999999-2`);
    writeFileSync(join(`${out}.old-999999999-2`, 'manifest.json'), '{}');
    // Another live process's folder (this test's parent) is left alone.
    mkdirSync(`${out}.tmp-${process.ppid}-3`);
    await writeAtomicDir(join(root, 'stale'), async (tmp) => {
      await writeFile(join(tmp, 'x.txt'), 'x');
    });
    expect(
      readdirSync(root)
        .filter((f) => f.startsWith('stale'))
        .sort(),
    ).toEqual(['stale', `stale.tmp-${process.ppid}-3`]);
    expect(readdirSync(out)).toEqual(['x.txt']);
  });

  it('a folder it cannot create is an OutDirError that says why', async () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'x');
    await expect(writeAtomicDir(join(file, 'out'), async () => undefined)).rejects.toThrow(OutDirError);
    await expect(writeAtomicDir(join(file, 'out'), async () => undefined)).rejects.toThrow(
      /a part of its path is a file/,
    );
  });
});

describe('defaultOutDir', () => {
  it('is out/<file name without extension>, so a copy of a scenario does not share the original’s folder', () => {
    expect(defaultOutDir('scenarios/xiaomi-trust-crisis-2025.yaml')).toBe(
      join('out', 'xiaomi-trust-crisis-2025'),
    );
    expect(defaultOutDir('/tmp/my copy.YML')).toBe(join('out', 'my copy'));
    expect(defaultOutDir('case.json', '-sweep')).toBe(join('out', 'case-sweep'));
  });
});

describe('checkOutDir', () => {
  const here = join(root, 'check');
  mkdirSync(here, { recursive: true });

  it('accepts a new folder, an empty folder and an earlier trustsim output folder', () => {
    expect(checkOutDir(join(here, 'new', 'deeper'))).toBe('new');
    mkdirSync(join(here, 'empty'));
    expect(checkOutDir(join(here, 'empty'))).toBe('new');
    const prev = join(here, 'prev');
    mkdirSync(join(prev, 'charts'), { recursive: true });
    writeFileSync(join(prev, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0', command: 'compare' }));
    writeFileSync(join(prev, 'summary.json'), '{}');
    expect(checkOutDir(prev)).toBe('replace');
  });

  it('refuses a file, a folder with other files, and a folder holding the scenario or the current folder', () => {
    // An empty --out (e.g. --out "$UNSET") is named as such, not as "--out  is the current folder".
    expect(() => checkOutDir('')).toThrow(/^--out is empty$/);
    expect(() => checkOutDir('  ')).toThrow(/^--out is empty$/);
    const file = join(here, 'thesis.docx');
    writeFileSync(file, 'x');
    expect(() => checkOutDir(file)).toThrow(/is a file, not a folder/);
    const mixed = join(here, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0' }));
    writeFileSync(join(mixed, 'notes.txt'), 'mine');
    expect(() => checkOutDir(mixed)).toThrow(/files trustsim did not write \(notes\.txt\)/);
    const foreign = join(here, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'summary.json'), '{}'); // outputs' names, but no trustsim manifest
    expect(() => checkOutDir(foreign)).toThrow(OutDirError);
    const withScenario = join(here, 'case');
    mkdirSync(withScenario);
    expect(() => checkOutDir(withScenario, [join(withScenario, 'my.yaml')])).toThrow(/holds .*my\.yaml/);
    expect(() => checkOutDir(process.cwd())).toThrow(/current folder/);
    expect(() => checkOutDir(join(process.cwd(), '..'))).toThrow(/current folder/);
    expect(() => checkOutDir(join(file, 'sub'))).toThrow(/is a file, not a folder/);
  });

  it('accepts an earlier output holding a file trustsim was writing when it was killed (<name>.tmp-<pid>)', () => {
    const prev = join(here, 'killed');
    mkdirSync(prev);
    writeFileSync(join(prev, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0', command: 'compare' }));
    writeFileSync(join(prev, 'report.html.tmp-4242'), '<html');
    expect(checkOutDir(prev)).toBe('replace');
    writeFileSync(join(prev, 'notes.txt.tmp-4242'), 'mine');
    expect(() => checkOutDir(prev)).toThrow(/files trustsim did not write \(notes\.txt\.tmp-4242\)/);
  });

  it('accepts an earlier output holding a dangling symbolic link (the link is replaced, not followed)', () => {
    const prev = join(here, 'linked');
    mkdirSync(prev);
    writeFileSync(join(prev, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0', command: 'compare' }));
    symlinkSync(join(here, 'nowhere'), join(prev, 'charts'));
    expect(checkOutDir(prev)).toBe('replace');
  });

  it('refuses a read-only folder, or an earlier output with a read-only folder inside, and says how to unlock it', () => {
    const prev = join(here, 'locked');
    mkdirSync(join(prev, 'charts'), { recursive: true });
    writeFileSync(join(prev, 'manifest.json'), JSON.stringify({ trustsim: '0.1.0', command: 'compare' }));
    const empty = join(here, 'locked-empty');
    mkdirSync(empty);
    try {
      chmodSync(prev, 0o555);
      expect(() => checkOutDir(prev)).toThrow(/locked is read-only; it would be replaced/);
      try {
        checkOutDir(prev);
      } catch (e) {
        expect((e as OutDirError).hint).toContain(`chmod -R u+w ${prev}`);
      }
      chmodSync(prev, 0o755);
      chmodSync(join(prev, 'charts'), 0o555);
      expect(() => checkOutDir(prev)).toThrow(/locked is read-only \(charts\)/);
      chmodSync(empty, 0o555);
      expect(() => checkOutDir(empty)).toThrow(/locked-empty is read-only/);
    } finally {
      chmodSync(join(prev, 'charts'), 0o755);
      chmodSync(prev, 0o755);
      chmodSync(empty, 0o755);
    }
    expect(checkOutDir(prev)).toBe('replace');
  });
});
