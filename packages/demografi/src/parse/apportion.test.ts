import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion } from './apportion.ts';

describe('apportion', () => {
  it('splits by largest remainder', () => {
    expect(apportion([2, 3], 8)).toEqual([3, 5]); // 3.2 / 4.8
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]); // ties to the earlier index
    expect(apportion([0, 0], 5)).toEqual([3, 2]); // no weights: equal shares
  });

  it('gives whole shares that add up and stay within one of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 100_000 }),
        (weights, total) => {
          const shares = apportion(weights, total);
          const sum = weights.reduce((p, q) => p + q, 0);
          expect(shares.reduce((p, q) => p + q, 0)).toBe(total);
          shares.forEach((s, k) => {
            expect(Number.isInteger(s) && s >= 0).toBe(true);
            const exact = sum > 0 ? (total * weights[k]!) / sum : total / weights.length;
            expect(Math.abs(s - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
