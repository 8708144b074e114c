import { InputError } from './errors';

export function parseIntOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InputError(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
    }
    return n;
  };
}

export function parseFloatOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InputError(`${name} must be a number from ${min} to ${max}, got "${v}"`);
    return n;
  };
}

export function parseList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
