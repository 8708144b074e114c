import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { jsonSchemaText } from '../../scenario/jsonSchema';
import type { CliIO } from '../context';
import { InputError } from '../errors';
import { STARTER_SCENARIO } from '../starterScenario';

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description(
      'write a commented starter scenario to edit (and scenario.schema.json beside it, for editors)',
    )
    .argument('<file>', 'where to write it, e.g. my-case.yaml')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', '\nExample:\n  trustsim init my-case.yaml && trustsim compare my-case.yaml')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force)
        throw new InputError(`${file} exists`, 'use --force to overwrite it');
      const write = async (path: string, text: string) => {
        try {
          await writeFile(path, text);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new InputError(
            `cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`,
            'give a file name in an existing folder, e.g. my-case.yaml',
          );
        }
      };
      await write(file, STARTER_SCENARIO.replaceAll('THIS_FILE', file));
      io.out(`${file}\n`);
      // The schema the starter's header names, for completion in editors; an existing one is left alone.
      const schema = join(dirname(file), 'scenario.schema.json');
      if (!existsSync(schema)) {
        await write(schema, jsonSchemaText());
        io.out(`${schema}\n`);
      }
      io.err(`wrote a starter scenario; next: trustsim compare ${file}\n`);
    });
}
