import { describe, expect, it } from 'vitest';
import { FormulaError } from './formula-error.js';
import { tokenize, type Token } from './lexer.js';

function kinds(text: string): string[] {
  return tokenize(text).map((t: Token) => {
    switch (t.kind) {
      case 'number':
        return `num:${t.text}`;
      case 'string':
        return `str:${t.value}`;
      case 'ident':
        return `id:${t.text}`;
      case 'punct':
        return t.op;
      case 'eof':
        return 'eof';
    }
  });
}

function lexError(text: string): FormulaError {
  try {
    tokenize(text);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('tokenize', () => {
  it.each([
    ['a+b', ['id:a', '+', 'id:b', 'eof']],
    ['  12.5\t*\n3 ', ['num:12.5', '*', 'num:3', 'eof']],
    ['a<=b>=c<>d!=e<f>g=h', ['id:a', '<=', 'id:b', '>=', 'id:c', '<>', 'id:d', '!=', 'id:e', '<', 'id:f', '>', 'id:g', '=', 'id:h', 'eof']],
    ['"x & y"&"（全角）"', ['str:x & y', '&', 'str:（全角）', 'eof']],
    ['""', ['str:', 'eof']],
    ['単価_1*数量', ['id:単価_1', '*', 'id:数量', 'eof']],
    ['_a1 ＿b・c', ['id:_a1', 'id:＿b・c', 'eof']],
    ['𠮷野家', ['id:𠮷野家', 'eof']],
    ['SUM(a,b)^2', ['id:SUM', '(', 'id:a', ',', 'id:b', ')', '^', 'num:2', 'eof']],
    ['2a', ['num:2', 'id:a', 'eof']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('gives every token its span', () => {
    const [a, plus, s] = tokenize('ab + "c"');
    expect([a?.start, a?.end, plus?.start, plus?.end, s?.start, s?.end]).toEqual([0, 2, 3, 4, 5, 8]);
  });

  it.each([
    ['a ＋ 1', '＋', '+', 2],
    ['a － 1', '－', '-', 2],
    ['a ＊ 1', '＊', '*', 2],
    ['a × 1', '×', '*', 2],
    ['a ／ 1', '／', '/', 2],
    ['a ÷ 1', '÷', '/', 2],
    ['a＾2', '＾', '^', 1],
    ['a＆b', '＆', '&', 1],
    ['a＝b', '＝', '=', 1],
    ['a＜b', '＜', '<', 1],
    ['a＞b', '＞', '>', 1],
    ['a≠b', '≠', '!=', 1],
    ['SUM（a)', '（', '(', 3],
    ['SUM(a）', '）', ')', 5],
    ['SUM(a，b)', '，', ',', 5],
    ['IF(o=”x", 1, 0)', '”', '"', 5],
    ['a！=b', '！', '!', 1],
    ['１+1', '１', '1', 0],
    ['a\u3000+ 1', '\u3000', ' ', 1],
  ])('refuses the full-width symbol in %s', (text, symbol, halfWidth, at) => {
    const e = lexError(text);
    expect(e.problem).toMatchObject({ key: 'fullWidth', params: { symbol, halfWidth }, start: at });
  });

  it('keeps full-width symbols after an unclosed quote in the string, failing on the quote', () => {
    const text = 'IF(o="朝食（ビュッフェ）';
    expect(lexError(text).problem).toMatchObject({ key: 'syntax', start: 5, end: text.length });
  });

  it.each([
    ['a == b', '==', '=', 'mistypedCompare'],
    ['a === b', '===', '=', 'mistypedCompare'],
    ['a =< b', '=<', '<=', 'mistypedCompare'],
    ['a => b', '=>', '>=', 'mistypedCompare'],
    ['a >< b', '><', '<>', 'mistypedCompare'],
    ['a =! b', '=!', '!=', 'mistypedCompare'],
    ['a ** b', '**', '^', 'mistypedArithmetic'],
  ])('names the operator meant by %s', (text, typed, meant, key) => {
    expect(lexError(text).problem).toMatchObject({ key, params: { typed, meant }, start: 2, end: 2 + typed.length });
  });

  it.each(['.5', '5.', '1.2.3', 'a ! b', 'a $ b', "'x'", 'a # b', '@'])('refuses %s', (text) => {
    expect(lexError(text).key).toBe('syntax');
  });
});
