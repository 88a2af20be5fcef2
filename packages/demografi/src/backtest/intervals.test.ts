import { describe, expect, it } from 'vitest';
import { errorBandsFrom, intervalFor, quantileSorted } from './intervals.ts';
import { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';

describe('error bands', () => {
  it('takes type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6, 12);
  });

  it('turns log errors into an interval around the projection', () => {
    const errs = SIZE_CLASSES.map(() => [Array.from({ length: 101 }, (_, i) => (i - 50) / 1000)]);
    const bands = errorBandsFrom(errs, [2010]);
    expect(bands.lower[0]![0]).toBeCloseTo(-0.04, 12);
    const [lo, hi] = intervalFor(bands, 1000, 1, 100);
    expect(lo).toBeCloseTo(100 / Math.exp(0.04), 10);
    expect(hi).toBeCloseTo(100 / Math.exp(-0.04), 10);
    const [lo4, hi4] = intervalFor(bands, 1000, 4, 100);
    expect(hi4 - lo4).toBeGreaterThan(hi - lo); // widened beyond the measured horizon
    expect(sizeClassOf(1999)).toBe(0);
    expect(sizeClassOf(50000)).toBe(4);
  });
});
