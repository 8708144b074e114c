/**
 * Attributed responsibility (SCCT): the cluster's R plus the Velcro intensifier when the brand has a
 * crisis history (a prior incident, fine or ruling), capped at 1 (Coombs 2007; Coombs & Holladay 2006).
 */
export function attributedResponsibility(clusterR: number, hasHistory: boolean, velcro: number): number {
  return Math.min(1, clusterR + (hasHistory ? velcro : 0));
}

/**
 * The hit of becoming aware: severity × (hitBase + R), reduced when the company disclosed it first
 * ("stealing thunder", Arpan & Roskos-Ewoldsen 2005).
 */
export function incidentHit(
  severity: number,
  R: number,
  hitBase: number,
  selfDisclosed: boolean,
  stealingThunder: number,
): number {
  return severity * (hitBase + R) * (selfDisclosed ? stealingThunder : 1);
}
