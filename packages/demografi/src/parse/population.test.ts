import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { N_AGES, N_SEXES } from '../constants.ts';
import { deriveMissingRows, parsePopulation, popIndex } from './population.ts';

const ages = Array.from({ length: 106 }, (_, a) => `a${a}`).join(',');
const row = (level: string, code: string, year: number, sex: string, v = 1) =>
  `${level},${code},${year},${sex},${Array.from({ length: 106 }, () => v).join(',')}`;
const header = `level,region_code,year,sex,${ages}`;
const codes = ['0301', '1101'];
const full = (year: number) =>
  codes.flatMap((c) => [row('kommune', c, year, 'male'), row('kommune', c, year, 'female', 2)]);

describe('parsePopulation', () => {
  it('fills the flat grid and keeps national rows apart', () => {
    const text = [
      header,
      row('land', '0', 2020, 'male', 5),
      ...full(2020),
      ...full(2021),
      row('fylke', '03', 2020, 'male'),
    ].join('\n');
    const p = parsePopulation('pop.csv', text, codes);
    expect(p.years).toEqual([2020, 2021]);
    expect(p.counts.length).toBe(2 * 2 * 2 * 106);
    expect(p.counts[106]).toBe(2); // 0301 2020 female age 0
    expect(p.national.counts[0]).toBe(5);
  });

  it('rejects a negative count, naming line and age field', () => {
    const bad = full(2020);
    bad[1] = bad[1]!.replace(/,2,2,2$/, ',2,2,-2');
    expect(() => parsePopulation('pop.csv', [header, ...bad].join('\n'), codes)).toThrow(
      /pop\.csv:3 field "a105": negative count -2/,
    );
  });

  it('rejects an unknown municipality number', () => {
    const text = [header, ...full(2020), row('kommune', '9999', 2020, 'male')].join('\n');
    expect(() => parsePopulation('pop.csv', text, codes)).toThrow(
      /pop\.csv:6 field "region_code": unknown municipality number "9999"/,
    );
  });

  it('rejects a sex value in the year column (a column out of place)', () => {
    const text = [header, 'kommune,0301,male,2020,' + Array(106).fill(1).join(',')].join('\n');
    expect(() => parsePopulation('pop.csv', text, codes)).toThrow(
      /pop\.csv:2 field "year": not a plausible year/,
    );
  });

  it('rejects a missing age column and ages out of order', () => {
    const noAge = header.replace(',a57', '');
    expect(() => parsePopulation('pop.csv', noAge + '\n', codes)).toThrow(
      /field "a57": missing column/,
    );
    const swapped = header.replace('a3,a4', 'a4,a3');
    expect(() => parsePopulation('pop.csv', swapped + '\n', codes)).toThrow(
      /field "a3": age column out of place/,
    );
  });

  it('rejects missing rows, or drops incomplete leading years when asked', () => {
    const text = [
      header,
      row('kommune', '0301', 2019, 'male'),
      row('kommune', '0301', 2019, 'female'),
      ...full(2020),
    ].join('\n');
    expect(() => parsePopulation('pop.csv', text, codes)).toThrow(
      /missing row for municipality 1101, year 2019/,
    );
    const p = parsePopulation('pop.csv', text, codes, { incompleteLeadingYears: 'drop' });
    expect(p.years).toEqual([2020]);
    expect(p.droppedYears).toEqual([{ year: 2019, missing: ['1101'] }]);
    // Without national rows for 2019 there is nothing to derive from.
    const d = parsePopulation('pop.csv', text, codes, { incompleteLeadingYears: 'derive' });
    expect(d.years).toEqual([2020]);
    expect(d.derivedYears).toEqual([]);
  });

  it('derives a missing leading year from the national rows', () => {
    const three = ['0301', '1101', '1160'];
    const text = [
      header,
      row('land', '0', 2019, 'male', 10),
      row('land', '0', 2019, 'female', 12),
      row('kommune', '0301', 2019, 'male', 2),
      row('kommune', '0301', 2019, 'female', 4),
      ...three.flatMap((c, i) => [
        row('kommune', c, 2020, 'male', i + 1),
        row('kommune', c, 2020, 'female', 2 * i + 1),
      ]),
    ].join('\n');
    const p = parsePopulation('pop.csv', text, three, { incompleteLeadingYears: 'derive' });
    expect(p.years).toEqual([2019, 2020]);
    expect(p.derivedYears).toEqual([{ year: 2019, codes: ['1101', '1160'] }]);
    const at = (m: number, s: number, a: number) => p.counts[popIndex(3, 0, m, s, a)];
    // Men: 10 − 2 = 8 left, split 2 : 3 by the cohort a year later → 3.2 / 4.8 → 3 / 5.
    expect([at(1, 0, 40), at(2, 0, 40)]).toEqual([3, 5]);
    // Women: 12 − 4 = 8 left, split 3 : 5 → 3 / 5.
    expect([at(1, 1, 0), at(2, 1, 0)]).toEqual([3, 5]);
    expect(at(0, 0, 7)).toBe(2); // the municipality present keeps its own rows
  });

  it('derived rows add up to what the national rows leave, in whole persons', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (nM, nMissing, seed) => {
          let x = seed;
          const rand = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
          const missing = Array.from({ length: Math.min(nMissing, nM) }, (_, k) => k);
          const counts = new Float64Array(2 * nM * N_SEXES * N_AGES);
          for (let k = 0; k < counts.length; k++) counts[k] = rand(50);
          for (const m of missing)
            for (let s = 0; s < N_SEXES; s++)
              for (let a = 0; a < N_AGES; a++) counts[popIndex(nM, 0, m, s, a)] = 0;
          const national = new Float64Array(N_SEXES * N_AGES);
          for (let s = 0; s < N_SEXES; s++)
            for (let a = 0; a < N_AGES; a++) {
              let present = 0;
              for (let m = 0; m < nM; m++) present += counts[popIndex(nM, 0, m, s, a)]!;
              national[s * N_AGES + a] = present + rand(100);
            }
          deriveMissingRows({ nM, counts }, 0, missing, national);
          for (let s = 0; s < N_SEXES; s++)
            for (let a = 0; a < N_AGES; a++) {
              let sum = 0;
              for (let m = 0; m < nM; m++) {
                const v = counts[popIndex(nM, 0, m, s, a)]!;
                expect(Number.isInteger(v) && v >= 0).toBe(true);
                sum += v;
              }
              expect(sum).toBe(national[s * N_AGES + a]);
            }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a duplicate row', () => {
    const text = [header, ...full(2020), full(2020)[0]].join('\n');
    expect(() => parsePopulation('pop.csv', text, codes)).toThrow(
      /pop\.csv:6: duplicate row for 0301 2020 male/,
    );
  });
});
