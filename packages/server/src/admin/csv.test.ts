import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV cells', () => {
  it('put an apostrophe before a cell that a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","klikk")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""klikk"")"`,
    );
    expect(csvCell('+47 99 99 99 99')).toBe("'+47 99 99 99 99");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('leave ordinary text as it is and quote commas, quotes and line breaks', () => {
    expect(csvCell('Kari Nordmann')).toBe('Kari Nordmann');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Nordmann, Kari')).toBe('"Nordmann, Kari"');
    expect(csvCell('si "hei"')).toBe('"si ""hei"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('write a header row and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, '=x']])).toBe("a,b\r\n1,'=x\r\n");
  });
});
