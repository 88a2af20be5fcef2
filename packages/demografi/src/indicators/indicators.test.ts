import { describe, expect, it } from 'vitest';
import { N_AGES } from '../constants.ts';
import { indicators, medianAge, parseAgeGroups, populationByAgeGroup } from './indicators.ts';

function slice(f: (a: number) => number): Float64Array {
  const p = new Float64Array(2 * N_AGES);
  for (let a = 0; a < N_AGES; a++) {
    p[a] = f(a);
    p[N_AGES + a] = f(a);
  }
  return p;
}

describe('indicators', () => {
  it('computes the labelled ratios on a flat population (10 per age and sex)', () => {
    const ind = indicators(slice(() => 10));
    // 20–66: 47 ages; 67+: 39 ages (67–105); 80+: 26; 85+: 21; 50–66: 17; 0–19: 20.
    expect(ind.total).toBe(2120);
    expect(ind.aldersbaereevne).toBeCloseTo(47 / 39, 12);
    expect(ind.aldersbaereevne80).toBeCloseTo(47 / 26, 12);
    expect(ind.forsorgerbrok).toBeCloseTo((20 + 39) / 47, 12);
    expect(ind.omsorgskoeffisient).toBeCloseTo(17 / 21, 12);
    expect(ind.andel80).toBeCloseTo(26 / 106, 12);
    expect(ind.medianalder).toBeCloseTo(53, 12);
  });

  it('interpolates the median within the year of age', () => {
    const p = slice((a) => (a === 30 ? 100 : 0));
    expect(medianAge(p)).toBeCloseTo(30.5, 12);
  });

  it('parses and sums configurable age groups, rejecting overlaps', () => {
    const g = parseAgeGroups('0-19,20-66,67+');
    expect(g.map((x) => x.label)).toEqual(['0–19', '20–66', '67+']);
    expect(
      populationByAgeGroup(
        slice(() => 1),
        g,
      ),
    ).toEqual([40, 94, 78]);
    expect(() => parseAgeGroups('0-20,20-30')).toThrow(/overlap/);
    expect(() => parseAgeGroups('abc')).toThrow(/not an age group/);
  });
});
