import type { Evidence } from '../engine/World';

/**
 * Adds signed evidence on the three facets for agent i. Negative parts are multiplied by `negFactor`
 * (the commitment buffer for third-party bad news, 1 for first-hand harm).
 */
export function addEvidence(
  ev: Evidence,
  i: number,
  eA: number,
  eB: number,
  eI: number,
  negFactor: number,
): void {
  if (ev.mark[i] === 0) {
    ev.mark[i] = 1;
    ev.touched[ev.count++] = i;
  }
  if (eA > 0) ev.posA[i] += eA;
  else if (eA < 0) ev.negA[i] += eA * negFactor;
  if (eB > 0) ev.posB[i] += eB;
  else if (eB < 0) ev.negB[i] += eB * negFactor;
  if (eI > 0) ev.posI[i] += eI;
  else if (eI < 0) ev.negI[i] += eI * negFactor;
}

/** The commitment buffer: third-party bad news is multiplied by 1 − buffer·commitment (Ahluwalia et al. 2000). */
export function thirdPartyFactor(buffer: number, commitment: number): number {
  return 1 - buffer * commitment;
}
