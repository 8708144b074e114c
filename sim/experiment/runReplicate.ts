import type { Model } from '../engine/compileModel';
import {
  controlSignature,
  createRuntime,
  decideStrategy,
  decisionSignature,
  type StrategyRuntime,
} from '../engine/decideStrategy';
import { buildStructure, initWorld, type RunResult, resultOf } from '../engine/run';
import { beginDay, finishDay } from '../engine/step';
import { fork, type World } from '../engine/World';

export interface ReplicateResult {
  replicate: number;
  /** One result per strategy, in the order asked. Strategies that never diverged share a value cube. */
  runs: RunResult[];
  /** World-days simulated with branching, and what running each strategy from day 0 would have cost. */
  simulatedDays: number;
  naiveDays: number;
  /** Day on which each strategy first branched off a shared prefix (0 = from the start). */
  branchDay: Record<string, number>;
}

interface Group {
  world: World;
  members: StrategyRuntime[];
}

function partition<T>(items: T[], key: (x: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return [...map.values()];
}

/**
 * Runs every strategy on replicate r of the same world (common random numbers): the same population,
 * network, incident draws and per-agent draws. Strategies that act identically share one world until the
 * first day their actions differ; there the world is copied (the engine's snapshot) and each branch goes on
 * alone. The rows are identical to running each strategy from day 0 (a test checks it).
 */
export function runReplicate(
  model: Model,
  strategyIds: string[],
  seed: number,
  replicate: number,
): ReplicateResult {
  const structure = buildStructure(model, seed, replicate);
  const runtimes = strategyIds.map((id) => {
    const st = model.strategies.find((s) => s.id === id);
    if (!st) throw new Error(`unknown strategy "${id}"`);
    return createRuntime(st);
  });
  let groups: Group[] = [{ world: initWorld(model, structure, seed, replicate), members: runtimes }];
  const branchDay: Record<string, number> = {};
  let simulatedDays = 0;
  for (let day = 0; day < model.days; day++) {
    const next: Group[] = [];
    for (const g of groups) {
      // Every branch is forked from the world as it is now, before any branch steps it.
      const byControls = partition(g.members, (rt) => controlSignature(g.world, rt));
      const controlWorlds = byControls.map((_, ci) => (ci === 0 ? g.world : fork(g.world)));
      byControls.forEach((members, ci) => {
        const w = controlWorlds[ci];
        beginDay(w, members[0]);
        const decided = members.map((rt) => ({ rt, rules: decideStrategy(w, rt) }));
        const byRules = partition(decided, (d) => decisionSignature(d.rules, d.rt));
        const ruleWorlds = byRules.map((_, ri) => (ri === 0 ? w : fork(w)));
        byRules.forEach((sub, ri) => {
          const wb = ruleWorlds[ri];
          finishDay(wb, sub[0].rt, sub[0].rules);
          next.push({ world: wb, members: sub.map((d) => d.rt) });
        });
      });
    }
    if (next.length > groups.length) {
      for (const g of next) {
        if (g.members.length === 1 && branchDay[g.members[0].strategy.id] === undefined) {
          branchDay[g.members[0].strategy.id] = day;
        }
      }
    }
    groups = next;
    simulatedDays += groups.length;
  }
  const byId = new Map<string, RunResult>();
  for (const g of groups)
    for (const rt of g.members) byId.set(rt.strategy.id, resultOf(g.world, rt.strategy.id));
  for (const id of strategyIds) if (branchDay[id] === undefined) branchDay[id] = model.days;
  return {
    replicate,
    runs: strategyIds.map((id) => byId.get(id)!),
    simulatedDays,
    naiveDays: strategyIds.length * model.days,
    branchDay,
  };
}
