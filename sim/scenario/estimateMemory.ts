/**
 * A rough upper estimate of the memory a run needs, checked before anything is allocated so that an
 * absurd scenario (or --scale) fails with a message instead of crashing the process.
 */
import type { Scenario } from './schema';

/** Default agents of a segment without `agents`: min(size, 2000). */
export const DEFAULT_SEGMENT_AGENTS = 2000;
/** Bytes of per-agent state, plus per-incident bytes per agent. */
export const BYTES_PER_AGENT = 160;
export const BYTES_PER_AGENT_PER_INCIDENT = 6;
/** Bytes per directed edge entry in CSR (column index + weight). */
export const BYTES_PER_EDGE_ENTRY = 8;
/** Building the CSR graph needs up to twice its final size on top of it. */
export const CONSTRUCTION_FACTOR = 2;
/** Refuse when the estimate is above this share of the memory available. */
export const MEMORY_SHARE_LIMIT = 0.7;

export interface MemoryEstimate {
  /** Simulated agents after scaling. */
  agents: number;
  /** Undirected ties (for a directed edge list: directed edges). */
  edges: number;
  /** Estimated peak bytes. */
  bytes: number;
}

/** Agents of one segment after --scale (at least 1). */
export function segmentAgents(segment: { size: number; agents?: number | undefined }, scale = 1): number {
  const base = segment.agents ?? Math.min(segment.size, DEFAULT_SEGMENT_AGENTS);
  return Math.max(1, Math.round(base * scale));
}

function countEdgeLines(edges: string): number {
  let n = 0;
  let start = 0;
  while (start <= edges.length) {
    let nl = edges.indexOf('\n', start);
    if (nl < 0) nl = edges.length;
    const line = edges.slice(start, nl).replace(/#.*/, '').trim();
    if (line.length > 0) n++;
    start = nl + 1;
  }
  return n;
}

export function estimateMemory(scenario: Scenario, scale = 1): MemoryEstimate {
  const agents = scenario.population.segments.reduce((sum, seg) => sum + segmentAgents(seg, scale), 0);
  const net = scenario.network;
  let edges: number;
  let entriesPerEdge = 2;
  if (net.kind === 'complete') {
    edges = (agents * (agents - 1)) / 2;
  } else if (net.kind === 'edge-list' && net.edges !== undefined) {
    edges = countEdgeLines(net.edges);
    if (net.directed) entriesPerEdge = 1;
  } else {
    // Generators and edge-list files: meanDegree ties per agent on average.
    edges = (agents * net.meanDegree) / 2;
  }
  const incidents = scenario.incidents.length;
  const entries = edges * entriesPerEdge;
  const bytes =
    agents * (BYTES_PER_AGENT + BYTES_PER_AGENT_PER_INCIDENT * incidents) +
    entries * BYTES_PER_EDGE_ENTRY * (1 + CONSTRUCTION_FACTOR);
  return { agents, edges: Math.round(edges), bytes: Math.round(bytes) };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 4) return `${(bytes / 1024 ** 4).toFixed(1)} TB`;
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} kB`;
}

/** An error when the estimate exceeds 70 % of `availableBytes`, else undefined. */
export function checkMemory(
  estimate: MemoryEstimate,
  availableBytes: number,
): { message: string; hint: string } | undefined {
  if (!(availableBytes > 0) || estimate.bytes <= MEMORY_SHARE_LIMIT * availableBytes) return undefined;
  return {
    message: `this scenario needs about ${formatBytes(estimate.bytes)} (${estimate.agents.toLocaleString('en-US')} agents, ${Math.round(estimate.edges).toLocaleString('en-US')} ties), more than ${Math.round(MEMORY_SHARE_LIMIT * 100)}% of the ${formatBytes(availableBytes)} available`,
    hint: 'lower population.segments[].agents or run with --scale below 1 (e.g. --scale 0.1)',
  };
}
