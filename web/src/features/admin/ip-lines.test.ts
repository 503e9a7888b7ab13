import { describe, expect, it } from 'vitest';
import { allowLines, isEntryKey, lineErrors } from './ip-lines';

describe('allowLines', () => {
  it('sends the non-blank lines trimmed, remembering where each was', () => {
    const lines = allowLines('203.0.113.0/24\n\n  10.0.0.1  \r\n\t\n2001:db8::/32\n');
    expect(lines.entries).toEqual(['203.0.113.0/24', '10.0.0.1', '2001:db8::/32']);
    expect(lines.lineOf).toEqual([1, 3, 5]);
  });

  it('sends nothing for an empty textarea', () => {
    expect(allowLines('')).toEqual({ entries: [], lineOf: [] });
    expect(allowLines('\n  \n')).toEqual({ entries: [], lineOf: [] });
  });
});

describe('lineErrors', () => {
  it('puts the server’s message for entry i on the line it was typed on, in line order', () => {
    const lines = allowLines('10.0.0.1\n\nnot-an-address\n192.168.0.0/99');
    const errors = lineErrors(
      {
        'ipRestriction.allow[2]': ['The value is invalid.'],
        'ipRestriction.allow[1]': ['The value is invalid.'],
        'ipRestriction.allow': ['Your address is outside the list.'],
        basicGate: ['Required field.'],
      },
      lines,
    );
    expect(errors).toEqual([
      { line: 3, entry: 'not-an-address', message: 'The value is invalid.' },
      { line: 4, entry: '192.168.0.0/99', message: 'The value is invalid.' },
    ]);
  });

  it('ignores an index that was never sent', () => {
    expect(lineErrors({ 'ipRestriction.allow[7]': ['x'] }, allowLines('10.0.0.1'))).toEqual([]);
  });

  it('tells entry keys from the list’s own key', () => {
    expect(isEntryKey('ipRestriction.allow[0]')).toBe(true);
    expect(isEntryKey('ipRestriction.allow')).toBe(false);
    expect(isEntryKey('ipRestriction')).toBe(false);
  });
});
