/**
 * Negativity asymmetry λ(x) = 1 + (λpeak − 1)·4x(1 − x): largest (λpeak) at intermediate trust and
 * falling towards 1 at the extremes, so bad news weighs most for agents who are unsure (Poortinga &
 * Pidgeon 2004; prior-congruence) and least for those whose prior it confirms or contradicts strongly.
 */
export function lambda(x: number, lambdaPeak: number): number {
  return 1 + (lambdaPeak - 1) * 4 * x * (1 - x);
}
