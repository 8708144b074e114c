/**
 * Engine benchmark (issue: simulator core). Runs a 90-day scenario with several incidents, responses and
 * a court ruling at 10k, 100k and 1M consumers (mean degree 16) and prints one JSON line per size:
 * seconds (simulation only), build seconds (population + network), ns per agent-day, ns per edge-day,
 * and peak RSS. Run: npm run bench  (or: npx tsx scripts/bench.ts 10000 100000)
 */
import { compileModel } from '../sim/engine/compileModel';
import { createRuntime } from '../sim/engine/decideStrategy';
import { buildStructure, initWorld } from '../sim/engine/run';
import { step } from '../sim/engine/step';
import { scenarioSchema } from '../sim/scenario/schema';

function benchScenario(agents: number) {
  const pub = Math.round(agents * 0.8);
  const fans = Math.round(agents * 0.18);
  const claim = agents - pub - fans;
  return scenarioSchema.parse({
    version: 1,
    meta: { title: `bench ${agents}` },
    calendar: { start: '2025-11-01', end: '2026-01-29' },
    population: {
      segments: [
        { id: 'claimants', size: claim, agents: claim, commitment: { mean: 0.5, sd: 0.15 } },
        { id: 'fans', size: fans * 50, agents: fans, commitment: { mean: 0.7, sd: 0.1 } },
        { id: 'public', size: pub * 50, agents: pub, talkativeness: { mean: 0.2, sd: 0.1 } },
      ],
    },
    network: { kind: 'sbm', meanDegree: 16, homophily: 0.6 },
    history: [{ id: 'fine', date: '2022-02-01', kind: 'fine' }],
    incidents: [
      {
        id: 'hood',
        date: '2025-11-01',
        violation: { ability: 0.4, benevolence: 0, integrity: 0.6 },
        cluster: 'preventable',
        severity: 0.5,
        salience: 3,
        claimants: { segment: 'claimants', share: 0.3, lossCny: 42000 },
      },
      {
        id: 'fridge',
        date: '2025-11-14',
        violation: { ability: 0.4, benevolence: 0.3, integrity: 0.3 },
        cluster: 'accidental',
        severity: 0.6,
        salience: 8,
        claimants: { segment: 'claimants', share: 0.6, lossCny: 1488 },
      },
      {
        id: 'deposit',
        date: '2025-11-05',
        violation: { ability: 0, benevolence: 0.3, integrity: 0.7 },
        cluster: 'preventable',
        severity: 0.4,
        salience: 2,
        claimants: { segment: 'claimants', share: 0.1, lossCny: 5000 },
      },
    ],
    events: [{ id: 'ruling', date: '2025-11-20', kind: 'ruling', incident: 'deposit', amountCny: 10000 }],
    strategies: [
      {
        id: 'passive',
        rules: [
          { when: { after: 'fridge', days: 1 }, do: 'template', incident: 'fridge' },
          {
            when: { after: 'fridge', days: 1 },
            do: 'compensation',
            incident: 'fridge',
            amountCny: 30,
            form: 'voucher',
          },
          { when: { after: 'hood', days: 2 }, do: 'legal', incident: 'hood' },
          { when: { date: '2025-11-27' }, do: 'donation', amountCny: 9_200_000 },
          { when: { trigger: 'complaints_7d > 50' }, do: 'excuse', incident: 'fridge' },
        ],
      },
    ],
  });
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((x) => x > 0);
for (const n of sizes.length ? sizes : [10_000, 100_000, 1_000_000]) {
  const model = compileModel(benchScenario(n));
  const t0 = performance.now();
  const structure = buildStructure(model, 1, 0);
  const t1 = performance.now();
  const w = initWorld(model, structure, 1, 0);
  const rt = createRuntime(model.strategies[0]);
  const t2 = performance.now();
  for (let d = 0; d < model.days; d++) step(w, rt);
  const t3 = performance.now();
  const agentDays = structure.pop.n * model.days;
  const edges = structure.graph.targets.length;
  console.log(
    JSON.stringify({
      agents: structure.pop.n,
      days: model.days,
      directedEdges: edges,
      buildSeconds: +((t1 - t0) / 1000).toFixed(3),
      seconds: +((t3 - t2) / 1000).toFixed(3),
      nsPerAgentDay: +(((t3 - t2) * 1e6) / agentDays).toFixed(1),
      nsPerEdgeDay: +(((t3 - t2) * 1e6) / (edges * model.days)).toFixed(2),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
