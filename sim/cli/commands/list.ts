import type { Command } from 'commander';
import type { CliIO } from '../context';
import { loadOrFail } from '../loadOrFail';

export function registerList(program: Command, io: CliIO): void {
  program
    .command('list')
    .description('list a scenario’s strategies, incidents, events and segments')
    .argument('<scenario>', 'scenario file')
    .addHelpText('after', '\nExample:\n  trustsim list scenarios/xiaomi-trust-crisis-2025.yaml')
    .action(async (file: string) => {
      const sc = await loadOrFail(file, io);
      const lines: string[] = [
        `${sc.meta.title}  (${sc.calendar.start} → ${sc.calendar.end})`,
        '',
        'strategies:',
      ];
      for (const s of sc.strategies)
        lines.push(
          `  ${s.id.padEnd(28)} ${s.label ?? ''}${s.description ? ` — ${s.description.split('\n')[0]}` : ''}`,
        );
      lines.push('', 'incidents:');
      for (const i of sc.incidents) {
        lines.push(
          `  ${i.id.padEnd(28)} ${i.date}  ${i.cluster.padEnd(11)} ${i.label ?? ''}${i.claimants ? ` (claimants: ${i.claimants.segment}, loss ¥${i.claimants.lossCny})` : ''}`,
        );
      }
      if (sc.events.length) {
        lines.push('', 'events:');
        for (const e of sc.events)
          lines.push(`  ${e.id.padEnd(28)} ${e.date}  ${e.kind.padEnd(11)} ${e.label ?? ''}`);
      }
      if (sc.history.length) {
        lines.push('', 'crisis history:');
        for (const h of sc.history)
          lines.push(`  ${h.id.padEnd(28)} ${h.date}  ${h.kind.padEnd(11)} ${h.label ?? ''}`);
      }
      lines.push('', 'segments (real people / agents):');
      for (const s of sc.population.segments) {
        lines.push(
          `  ${s.id.padEnd(28)} ${String(s.size).padStart(12)} / ${String(s.agents ?? Math.min(s.size, 2000)).padEnd(7)} ${s.label ?? ''}`,
        );
      }
      io.out(`${lines.join('\n')}\n`);
    });
}
