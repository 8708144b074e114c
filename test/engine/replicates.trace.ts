/**
 * Run by hiddenClasses.test.ts under `node --trace-opt --trace-deopt`: replicate 0 of the flagship case (its
 * kernels get optimised), then replicates 1 and 2 between markers, so the test can read which optimised code V8
 * threw away once the kernels were hot.
 */
import { compileModel } from '../../sim/engine/compileModel';
import { runReplicate } from '../../sim/experiment/runReplicate';
import { loadScenario } from '../../sim/io/loadScenario';

const loaded = await loadScenario('scenarios/xiaomi-trust-crisis-2025.yaml');
if (!loaded.ok) throw new Error('the flagship scenario does not load');
const model = compileModel(loaded.scenario, 1);
const ids = model.strategies.map((s) => s.id);
runReplicate(model, ids, 2025, 0);
console.log('@@ later replicates');
runReplicate(model, ids, 2025, 1);
runReplicate(model, ids, 2025, 2);
console.log('@@ end');
