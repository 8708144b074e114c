import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, didYouMean } from '../../sim/scenario/didYouMean';

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(damerauLevenshtein('title', 'title')).toBe(0);
    expect(damerauLevenshtein('titel', 'title')).toBe(1); // swap
    expect(damerauLevenshtein('size', 'sise')).toBe(1); // substitution
    expect(damerauLevenshtein('day', 'days')).toBe(1); // insertion
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['strategis', 'strategies'],
      ['abc', 'cab'],
      ['fridge', 'frigde'],
    ] as const) {
      expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
    }
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate within max(2, length/3)', () => {
    expect(didYouMean('titel', ['title', 'slug', 'description'])).toBe('title');
    expect(didYouMean('apologise', ['apology', 'excuse'])).toBe('apology');
    expect(didYouMean('complaint_7d', ['complaints', 'complaints_7d'])).toBe('complaints_7d');
  });

  it('suggests nothing when every candidate is far', () => {
    expect(didYouMean('zzz', ['title', 'slug'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('ignores case and breaks ties by candidate order', () => {
    expect(didYouMean('Title', ['title'])).toBe('title');
    expect(didYouMean('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('stays fast for huge inputs (length difference prunes)', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(didYouMean(huge, ['title', 'meta'])).toBeUndefined();
  });
});
