import { describe, expect, it } from 'vitest';
import { parseCsv, sexField } from './csv.ts';
import { DataError } from './errors.ts';

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes, CRLF and a final empty field', () => {
    const t = parseCsv('x.csv', '\ufeff"a","b",c\r\n"1,5","say ""hi""",\r\n2,3,4\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows.map((r) => r.values)).toEqual([
      ['1,5', 'say "hi"', ''],
      ['2', '3', '4'],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('counts lines inside quoted fields', () => {
    const t = parseCsv('x.csv', 'a,b\n"multi\nline",1\n2,3\n');
    expect(t.rows[1]!.line).toBe(4);
  });

  it('names file and line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('pop.csv', 'a,b\n1,2\n1,2,3\n')).toThrow(/pop\.csv:3: expected 2 fields/);
  });

  it('names a missing column', () => {
    const t = parseCsv('pop.csv', 'a,b\n1,2\n');
    expect(() => t.column('year')).toThrow(DataError);
    expect(() => t.column('year')).toThrow(/field "year": missing column/);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('q.csv', 'a\n"open\n')).toThrow(/q\.csv:2: unterminated/);
  });
});

describe('sexField', () => {
  const t = parseCsv('pop.csv', 'year,sex\n2024,male\n2024,female\n2024,kvinne\n');
  const col = t.column('sex');

  it('gives the index of male and female', () => {
    expect(t.rows.slice(0, 2).map((row) => sexField(t, row, col))).toEqual([0, 1]);
  });

  it('names file, line, field and the labels it accepts for anything else', () => {
    expect(() => sexField(t, t.rows[2]!, col)).toThrow(DataError);
    expect(() => sexField(t, t.rows[2]!, col, ['total'])).toThrow(
      /pop\.csv:4.*"sex".*expected "female", "male", "total", found "kvinne"/,
    );
  });
});
