import { describe, expect, it } from 'vitest';
import { parsePopulation } from './population.ts';

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
    const p = parsePopulation('pop.csv', text, codes, { dropIncompleteLeadingYears: true });
    expect(p.years).toEqual([2020]);
    expect(p.droppedYears).toEqual([{ year: 2019, missing: ['1101'] }]);
  });

  it('rejects a duplicate row', () => {
    const text = [header, ...full(2020), full(2020)[0]].join('\n');
    expect(() => parsePopulation('pop.csv', text, codes)).toThrow(
      /pop\.csv:6: duplicate row for 0301 2020 male/,
    );
  });
});
