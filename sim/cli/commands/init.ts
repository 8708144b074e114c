import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliIO } from '../context';
import { InputError } from '../errors';
import { STARTER_SCENARIO } from '../starterScenario';

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('write a commented starter scenario to edit')
    .argument('<file>', 'where to write it, e.g. my-case.yaml')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', '\nExample:\n  trustsim init my-case.yaml && trustsim compare my-case.yaml')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force)
        throw new InputError(`${file} exists`, 'use --force to overwrite it');
      await writeFile(file, STARTER_SCENARIO.replaceAll('THIS_FILE', file));
      io.out(`${file}\n`);
      io.err(`wrote a starter scenario; next: trustsim compare ${file}\n`);
    });
}
