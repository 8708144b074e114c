import type { Command } from 'commander';
import { loadScenario } from '../../io/loadScenario';
import { formatDiagnostic } from '../../scenario/diagnostics';
import type { CliIO } from '../context';
import { InputError } from '../errors';

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check scenario files: every YAML and schema problem, all at once, as file:line:col')
    .argument('<files...>', 'scenario files')
    .addHelpText(
      'after',
      '\nExample:\n  trustsim validate scenarios/*.yaml\n\nExit code 0 when every file is valid, 2 otherwise.',
    )
    .action(async (files: string[]) => {
      let bad = 0;
      for (const file of files) {
        const res = await loadScenario(file);
        for (const w of res.warnings) io.err(`${formatDiagnostic(w)}\n`);
        if (res.ok) {
          const sc = res.scenario;
          const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
          io.out(
            `${file}: ok (${count(sc.population.segments.length, 'segment', 'segments')}, ` +
              `${count(sc.incidents.length, 'incident', 'incidents')}, ` +
              `${count(sc.strategies.length, 'strategy', 'strategies')})\n`,
          );
        } else {
          bad++;
          for (const e of res.errors) io.err(`${formatDiagnostic(e)}\n`);
        }
      }
      if (bad > 0)
        throw new InputError(`${bad} of ${files.length} file${files.length === 1 ? '' : 's'} invalid`);
    });
}
