import { describe, expect, it } from 'vitest';
import { parseJsonStat } from './jsonstat.ts';

const doc = {
  version: '2.0',
  class: 'dataset',
  label: 'Population',
  id: ['Region', 'Kjonn', 'Tid'],
  size: [2, 2, 1],
  dimension: {
    Region: {
      label: 'region',
      category: { index: { '0301': 0, '1101': 1 }, label: { '0301': 'Oslo', '1101': 'Eigersund' } },
    },
    Kjonn: { label: 'sex', category: { index: ['1', '2'] } },
    Tid: { label: 'year', category: { label: { '2024': '2024' } } },
  },
  value: [10, 11, 20, null],
};

describe('parseJsonStat', () => {
  it('decodes dimensions in storage order (row-major, last id fastest)', () => {
    const cube = parseJsonStat('t.json', doc);
    expect(cube.dimensions.map((d) => d.codes)).toEqual([['0301', '1101'], ['1', '2'], ['2024']]);
    expect(cube.get({ Region: '1101', Kjonn: '1' })).toBe(20);
    expect(cube.get({ Region: '0301', Kjonn: '2', Tid: '2024' })).toBe(11);
    expect(cube.get({ Region: '1101', Kjonn: '2' })).toBeNull();
    expect(cube.dimensions[0]!.labels).toEqual(['Oslo', 'Eigersund']);
  });

  it('accepts sparse object values', () => {
    const cube = parseJsonStat('t.json', { ...doc, value: { '3': 7 } });
    expect(cube.values).toEqual([null, null, null, 7]);
  });

  it('rejects a value count that does not match the sizes', () => {
    expect(() => parseJsonStat('t.json', { ...doc, value: [1, 2, 3] })).toThrow(
      /t\.json field "value": has 3 values but the dimensions give 4/,
    );
  });

  it('rejects a size that does not match a dimension', () => {
    expect(() => parseJsonStat('t.json', { ...doc, size: [3, 2, 1] })).toThrow(
      /dimension\.Region.*size says 3/,
    );
  });

  it('names an unknown category on lookup', () => {
    const cube = parseJsonStat('t.json', doc);
    expect(() => cube.get({ Region: '9999', Kjonn: '1' })).toThrow(/unknown category "9999"/);
  });
});
