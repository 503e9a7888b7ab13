import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv.js';

describe('CSV for spreadsheets', () => {
  it('defuses every cell a spreadsheet would run, full-width forms too, and quotes as RFC 4180 says', () => {
    for (const start of ['=', '+', '-', '@', '\t', '＝', '＋', '－', '＠']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('合計')).toBe('合計');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-1440)).toBe('-1440');
  });

  it('writes a BOM and ends every row with CRLF', () => {
    expect(csvText([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});
