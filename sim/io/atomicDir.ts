/**
 * Write an output folder all at once: into a sibling temporary folder first, then renamed into place.
 * A failed or interrupted run never leaves a half-written folder, and the previous output survives
 * until the new one is complete.
 */

import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { shellWord } from './manifest';

let counter = 0;

/** What trustsim writes into an output folder: a folder holding only these (and a manifest) may be replaced. */
export const OUTPUT_ENTRIES: ReadonlySet<string> = new Set([
  'summary.json',
  'timeseries.csv',
  'manifest.json',
  'raw.csv',
  'report.html',
  'report.ipynb',
  'report-input.json',
  'charts',
  'sweep.csv',
  'sweep.json',
]);

/** An output folder that cannot be used (exit code 2 at the command line). */
export class OutDirError extends Error {
  constructor(
    message: string,
    readonly hint = 'choose a new folder with --out, or a folder an earlier trustsim run wrote',
  ) {
    super(message);
  }
}

/** `inner` is `outer` or inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Checks, before any work, that `outDir` can take a command's outputs without destroying anything else: it is
 * absent, an empty folder, or a folder an earlier trustsim run wrote (a trustsim manifest.json and nothing but
 * trustsim's outputs), which is then replaced whole. It must not hold the current folder or any of `keep`
 * (the scenario file), and the nearest existing folder above it must be writable. Throws OutDirError; returns
 * whether the folder is new or an earlier output that will be replaced.
 */
export function checkOutDir(outDir: string, keep: string[] = []): 'new' | 'replace' {
  if (outDir.trim() === '') {
    throw new OutDirError('--out is empty', 'name the folder to write into, e.g. --out out/my-case');
  }
  const target = resolve(outDir);
  if (isWithin(process.cwd(), target)) {
    throw new OutDirError(`--out ${outDir} is the current folder or holds it; it would be replaced`);
  }
  for (const k of keep) {
    if (resolve(k) === target)
      throw new OutDirError(
        `--out ${outDir} is the scenario file itself; it would be replaced by a folder`,
        '--out names the folder to write into, e.g. --out out/my-case',
      );
    if (isWithin(resolve(k), target))
      throw new OutDirError(`--out ${outDir} holds ${k}; it would be replaced`);
  }
  let replace = false;
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new OutDirError(`--out ${outDir} is a file, not a folder`, 'choose a folder name with --out');
    }
    const entries = readdirSync(target);
    replace = entries.length > 0;
    if (entries.length > 0) {
      let manifest: unknown = null;
      try {
        manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
      } catch {
        manifest = null;
      }
      const ours = manifest !== null && typeof manifest === 'object' && 'trustsim' in manifest;
      // A `<output>.tmp-<pid>` is a file trustsim was writing when it was killed (see withTempFilesCleanup).
      const others = entries
        .filter((e) => !OUTPUT_ENTRIES.has(e) && !OUTPUT_ENTRIES.has(e.replace(/\.tmp-\d+$/, '')))
        .sort();
      if (!ours || others.length > 0) {
        const list = (others.length > 0 ? others : entries).slice(0, 5).join(', ');
        throw new OutDirError(
          `--out ${outDir} already holds files trustsim did not write (${list}${entries.length > 5 ? ', …' : ''}); ` +
            'the whole folder would be replaced',
        );
      }
    }
    // The folder is replaced whole, which only needs write access to the folder above. A folder the user made
    // read-only (chmod a-w, say, to keep a result) is refused rather than swapped for a writable one; removing
    // the old one would also fail halfway, after the new one is in place.
    const locked = [target, ...entries.map((e) => join(target, e))].find((p) => isLockedDir(p, p === target));
    if (locked !== undefined) {
      throw new OutDirError(
        `--out ${outDir} is read-only${locked === target ? '' : ` (${relative(target, locked)})`}; it would be replaced`,
        `make it writable (chmod -R u+w ${shellWord(outDir)}) or choose another folder with --out`,
      );
    }
  }
  // The nearest existing folder above must take a new folder.
  let up = dirname(target);
  while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
  if (!statSync(up).isDirectory()) throw new OutDirError(`--out ${outDir}: ${up} is a file, not a folder`);
  try {
    accessSync(up, constants.W_OK);
  } catch {
    throw new OutDirError(`--out ${outDir}: cannot write in ${up} (permission denied or read-only)`);
  }
  return replace ? 'replace' : 'new';
}

/**
 * `path` is a folder whose owner may not write in it, or that this process may not write in. An entry of the
 * folder is not followed when it is a symbolic link (`follow` false): replacing the folder removes the link, not
 * what it points to, and a dangling link must not fail the check with ENOENT.
 */
function isLockedDir(path: string, follow = true): boolean {
  const st = follow ? statSync(path) : lstatSync(path);
  if (!st.isDirectory()) return false;
  if ((st.mode & 0o200) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * The default output folder of a command on `scenarioFile`: out/<file name without its extension>, so that a
 * copy of a scenario (which keeps its slug) does not write over the original's outputs.
 */
export function defaultOutDir(scenarioFile: string, suffix = ''): string {
  const name = basename(scenarioFile).replace(/\.(ya?ml|json)$/i, '');
  return join('out', `${name}${suffix}`);
}

/** Turns a file-system failure while making the output folder into an OutDirError with its cause. */
function outDirFailure(outDir: string, e: unknown): OutDirError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const why: Record<string, string> = {
    ENOENT: 'a folder on its path cannot be created there',
    ENOTDIR: 'a part of its path is a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EEXIST: 'a part of its path is a file',
  };
  return new OutDirError(`cannot write the output folder ${outDir}: ${why[code] ?? (e as Error).message}`);
}

/** Removes temporary and set-aside siblings of `target` that a killed run left (their process is gone). */
function removeStaleSiblings(target: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  const prefix = `${basename(target)}.`;
  for (const name of names) {
    const m = /^(tmp|old)-(\d+)-\d+$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !m || Number(m[2]) === process.pid) continue;
    let alive = true;
    try {
      process.kill(Number(m[2]), 0);
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    // A set-aside previous output with no target is put back rather than removed.
    if (alive) continue;
    const path = join(dirname(target), name);
    if (m[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Removes `dir` synchronously (in a signal handler) and makes sure it stays removed. File operations queued on
 * the thread pool before the interrupt (a write's open, a mkdir) go on while it is being removed: one may add an
 * entry behind rmSync's back (it then fails with ENOTEMPTY) or just after it. So remove, let the operations in
 * flight land, and look again.
 */
function removeForGood(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // An entry appeared while removing: go again.
    }
    Atomics.wait(pause, 0, 0, 5);
    if (!existsSync(dir)) return;
  }
}

/** Removes this process's `<name>.tmp-<pid>` files from `dirs` (until none comes back; see removeForGood). */
function removeOwnTempFiles(dirs: string[]): void {
  const suffix = `.tmp-${process.pid}`;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 100; attempt++) {
    let left = 0;
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith(suffix)) continue;
        left += 1;
        rmSync(join(dir, name), { force: true });
      }
    }
    if (left === 0) return;
    Atomics.wait(pause, 0, 0, 5);
  }
}

/**
 * Runs `write`, which writes files into existing folders `dirs` each under a temporary name `<name>.tmp-<pid>`
 * renamed into place when whole (as `trustsim report` rewrites a compare folder's report). On an error, or on
 * SIGINT/SIGTERM, the temporary files of this process are removed first (the files already renamed are whole
 * and stay); the error is then thrown again, or the process dies of the same signal. Without this, an
 * interrupted `report` left `report.html.tmp-<pid>` in the folder, which `compare --out` then refused as a file
 * trustsim did not write, and which `verify` reported as an extra file.
 */
export async function withTempFilesCleanup<T>(dirs: string[], write: () => Promise<T>): Promise<T> {
  const off = onInterrupt(() => removeOwnTempFiles(dirs));
  try {
    return await write();
  } catch (e) {
    removeOwnTempFiles(dirs);
    throw e;
  } finally {
    off();
  }
}

/**
 * Until the returned function is called: on SIGINT or SIGTERM, run `cleanup` (synchronously), then die of the same
 * signal, as the process would have without a handler. Returns the function that removes the handlers.
 */
export function onInterrupt(cleanup: () => void): () => void {
  const off = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      cleanup();
    } finally {
      off();
      process.kill(process.pid, signal);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return off;
}

function sibling(outDir: string, tag: string): string {
  const abs = resolve(outDir);
  counter += 1;
  return join(dirname(abs), `${basename(abs)}.${tag}-${process.pid}-${counter}`);
}

/**
 * Call `write(tmpDir)` to fill a fresh temporary folder `<out>.tmp-<pid>-<n>`, then move it to `outDir`,
 * replacing a previous `outDir` only after the write succeeded. On an error, or on SIGINT/SIGTERM while
 * writing, the temporary folder is removed and `outDir` is left as it was (or absent).
 */
export async function writeAtomicDir(
  outDir: string,
  write: (tmpDir: string) => Promise<void>,
): Promise<void> {
  const target = resolve(outDir);
  const tmp = sibling(target, 'tmp');

  // Set while the previous output is moved aside, so an interrupt can put it back.
  let aside: string | undefined;
  // The handlers come first and the temporary folder is made synchronously: an interrupt that arrives while
  // this thread is busy (rendering charts, say) still finds a handler that removes it, and no asynchronous
  // mkdir can re-create it after the handler ran.
  const off = onInterrupt(() => {
    if (aside && existsSync(aside) && !existsSync(target)) renameSync(aside, target);
    removeForGood(tmp);
  });
  try {
    try {
      mkdirSync(dirname(target), { recursive: true });
      removeStaleSiblings(target);
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp);
    } catch (e) {
      throw outDirFailure(outDir, e);
    }
    try {
      await write(tmp);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      throw code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' ? outDirFailure(outDir, e) : e;
    }
    if (existsSync(target)) {
      const old = sibling(target, 'old');
      aside = old;
      await rename(target, old);
      try {
        await rename(tmp, target);
      } catch (e) {
        // Put the previous output back.
        await rename(old, target).catch(() => undefined);
        await rm(tmp, { recursive: true, force: true });
        throw e;
      }
      aside = undefined;
      await rm(old, { recursive: true, force: true });
    } else {
      try {
        await rename(tmp, target);
      } catch (e) {
        await rm(tmp, { recursive: true, force: true });
        throw e;
      }
    }
  } finally {
    off();
  }
}
