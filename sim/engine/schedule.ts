/**
 * The daily schedule, in order. docs/ODD.md uses exactly these process names (a test checks it).
 */
export const SCHEDULE = [
  'fireScheduledEvents',
  'decideStrategy',
  'applyResponses',
  'updateMedia',
  'spreadWordOfMouth',
  'updateTrust',
  'updateGrievance',
  'actOnBehaviour',
  'collectMetrics',
] as const;

export type ProcessName = (typeof SCHEDULE)[number];
