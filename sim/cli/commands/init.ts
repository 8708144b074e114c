import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { jsonSchemaText } from '../../scenario/jsonSchema';
import type { CliIO } from '../context';
import { InputError } from '../errors';
import { STARTER_SCENARIO } from '../starterScenario';

/** The starter scenario as JSON, `$schema` first (the YAML starter names the schema in its header comment). */
export function starterAsJson(): string {
  const scenario = parse(STARTER_SCENARIO) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: './scenario.schema.json', ...scenario }, null, 2)}\n`;
}

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description(
      'write a commented starter scenario to edit (and scenario.schema.json beside it, for editors)',
    )
    .argument('<file>', 'where to write it, e.g. my-case.yaml (a .json name gets JSON, without the comments)')
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
      // A .json name gets the same scenario as JSON (which has no comments), with the schema named in $schema.
      const json = extname(file).toLowerCase() === '.json';
      await write(file, json ? starterAsJson() : STARTER_SCENARIO.replaceAll('THIS_FILE', file));
      io.out(`${file}\n`);
      // The schema the starter's header names, for completion in editors; an existing one is left alone.
      const schema = join(dirname(file), 'scenario.schema.json');
      if (!existsSync(schema)) {
        await write(schema, jsonSchemaText());
        io.out(`${schema}\n`);
      }
      if (json)
        io.err('JSON has no comments: `trustsim init <name>.yaml` writes the starter with its notes\n');
      io.err(`wrote a starter scenario; next: trustsim compare ${file}\n`);
    });
}
