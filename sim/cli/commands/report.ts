import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { withTempFilesCleanup } from '../../io/atomicDir';
import type { CliIO } from '../context';
import { fileSystemProblem, InputError } from '../errors';

export function registerReport(program: Command, io: CliIO): void {
  program
    .command('report')
    .description(
      'rebuild the charts, report.html and report.ipynb from a compare output folder, without simulating',
    )
    .argument('<dir>', 'a folder written by `trustsim compare --out`')
    .option('--png', 'also render charts as PNG')
    .addHelpText('after', '\nExample:\n  trustsim report out/xiaomi-trust-crisis-2025 --png')
    .action(async (dir: string, opts: { png?: boolean }) => {
      const hint = 'give the folder `trustsim compare --out` wrote, e.g. out/xiaomi-trust-crisis-2025';
      if (!existsSync(dir)) throw new InputError(`${dir}: no such folder`, hint);
      if (!statSync(dir).isDirectory()) throw new InputError(`${dir} is a file, not a folder`, hint);
      const { rebuildReport } = await import('../../io/writeReport');
      try {
        // Each file is written whole under a temporary name and renamed; an interrupt removes those names.
        const r = await withTempFilesCleanup([dir, join(dir, 'charts')], () =>
          rebuildReport(dir, { png: Boolean(opts.png) }),
        );
        io.out(`${r.files.join('\n')}\n`);
      } catch (e) {
        // A folder it may not write into, or a full disk: say so, with what to do.
        const fs = fileSystemProblem(e);
        throw fs ? new InputError(fs.message, fs.hint) : new InputError((e as Error).message);
      }
    });
}
