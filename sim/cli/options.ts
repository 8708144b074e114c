import { InputError } from './errors';

/** A whole number written in decimal digits (no "", "0x10", "1e3" or "1.0"), from min to max. */
export function parseIntOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = /^[-+]?\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InputError(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
    }
    return n;
  };
}

/** A decimal number (not "" or "0x10"), from min to max. */
export function parseFloatOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InputError(`${name} must be a number from ${min} to ${max}, got "${v}"`);
    return n;
  };
}

/** A comma-separated list with at least one item; each item once. */
export function parseList(v: string): string[] {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new InputError(`expected a comma-separated list, got "${v}"`, 'e.g. a,b,c');
  const twice = items.find((s, i) => items.indexOf(s) !== i);
  if (twice !== undefined) throw new InputError(`"${twice}" is listed twice in "${v}"`);
  return items;
}
