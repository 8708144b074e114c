import { z } from 'zod';

/** Evidence grade of a default VALUE, as in shared/design/EVIDENCE.md: H well established, M one strong study,
 * L weak or second-hand, A assumption (calibrate it). Where the rule or direction is better supported than the value,
 * the source says so ("direction M; value A"). A calibrated value is A; its source gives the grade of the target. */
export type Grade = 'H' | 'M' | 'L' | 'A';

export interface ParamDoc {
  /** What the parameter means, one or two sentences. */
  d: string;
  unit: string;
  /** Allowed or sensible range, in words (the schema enforces hard bounds separately). */
  range: string;
  source: string;
  grade: Grade;
  /** The range a user should sweep, where it differs from `range` or the grade is not A (docs/parameters.md lists
   * every grade-A parameter and every other parameter with a sweep). */
  sweep?: string;
}

/** Attach unit, range, source and grade to a schema node. The description string carries them so that
 * editors show them on hover, and the metadata carries them for docs/parameters.md. */
export function param<T extends z.ZodType>(schema: T, doc: ParamDoc): T {
  const description = `${doc.d} Unit: ${doc.unit}. Range: ${doc.range}. Source: ${doc.source}. Grade: ${doc.grade}.${
    doc.sweep ? ` Sweep: ${doc.sweep}.` : ''
  }`;
  return schema.meta({
    description,
    unit: doc.unit,
    range: doc.range,
    source: doc.source,
    grade: doc.grade,
    ...(doc.sweep ? { sweep: doc.sweep } : {}),
  }) as T;
}

/** A finite number in [min, max]. NaN and ±Infinity are rejected by zod 4. */
export function num(min: number, max: number): z.ZodNumber {
  return z.number().min(min).max(max);
}

export function int(min: number, max: number): z.ZodNumber {
  return z.number().int().min(min).max(max);
}

/** A probability or share in [0, 1]. */
export const share = (): z.ZodNumber => num(0, 1);
