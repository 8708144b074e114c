/**
 * Write an output folder all at once: into a sibling temporary folder first, then renamed into place.
 * A failed or interrupted run never leaves a half-written folder, and the previous output survives
 * until the new one is complete.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

let counter = 0;

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
  await mkdir(dirname(target), { recursive: true });
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);

  // Set while the previous output is moved aside, so an interrupt can put it back.
  let aside: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      if (aside && existsSync(aside) && !existsSync(target)) renameSync(aside, target);
      rmSync(tmp, { recursive: true, force: true });
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      // Die of the same signal, as the process would have without this handler.
      process.kill(process.pid, signal);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    try {
      await write(tmp);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw e;
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
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
