// Preloaded by scripts/bench-compare.ts (`node --import`): when the process exits, writes its CPU time in seconds
// (user and system, all threads together) as JSON to the file named by TRUSTSIM_CPU_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TRUSTSIM_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ user: u.userCPUTime / 1e6, system: u.systemCPUTime / 1e6 }));
  });
}
