/**
 * Run by protectors.test.ts under `node --trace-protector-invalidation`: between markers, a two-thread pool runs
 * four replicates of the flagship case (the worker starts long before this thread's first replicate ends, so it
 * takes some) and renders charts to SVG and PNG, so the test can read whether any thread invalidated a V8
 * protector while working. Loading this script's modules through tsx invalidates some in this thread before the
 * first marker, and tearing the worker down may do so after the last; neither slows the work. The worker thread
 * starts after the first marker.
 */
import { compileModel } from '../../sim/engine/compileModel';
import { loadScenario } from '../../sim/io/loadScenario';
import { WARM_UP_SPEC } from '../../sim/io/renderCharts';
import { ComputePool } from '../../sim/node/ComputePool';
import type { ReportChart } from '../../sim/report/types';

const loaded = await loadScenario('scenarios/xiaomi-trust-crisis-2025.yaml');
if (!loaded.ok) throw new Error('the flagship scenario does not load');
const model = compileModel(loaded.scenario, 1);
const ids = model.strategies.map((s) => s.id);
console.log('@@ work');
const pool = new ComputePool(2);
const reps = await pool.runReplicates(model, ids, 7, 4);
const chart = (id: string): ReportChart => ({ id, title: id, spec: WARM_UP_SPEC }) as unknown as ReportChart;
const job = pool.renderCharts([chart('a'), chart('b'), chart('c'), chart('d')], { png: true });
const rendered = await job.done;
console.log(`@@ done ${reps.length} replicates, ${rendered.filter((r) => r.png && r.svg).length} charts`);
await pool.close();
