import type { Command } from 'commander';
import { jsonSchemaText } from '../../scenario/jsonSchema';
import type { CliIO } from '../context';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print the scenario JSON Schema (for editors: yaml-language-server, VS Code)')
    .addHelpText('after', '\nExample:\n  trustsim schema > scenario.schema.json')
    .action(() => {
      io.out(jsonSchemaText());
    });
}
