import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { MAX_QUERY_LENGTH, MAX_TOKENS, tokenize } from './lexer.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each([
    ['$id > 10', ['word:$id', 'op:>', 'number:10', 'eof:']],
    ['a!=1', ['word:a', 'op:!=', 'number:1', 'eof:']],
    ['a>=1 b<=2 c<3 d=4', ['word:a', 'op:>=', 'number:1', 'word:b', 'op:<=', 'number:2', 'word:c', 'op:<', 'number:3', 'word:d', 'op:=', 'number:4', 'eof:']],
    ['x = -1.25', ['word:x', 'op:=', 'number:-1.25', 'eof:']],
    ['ref.code in ("a","b")', ['word:ref', '.:.', 'word:code', 'word:in', '(:(', 'string:a', ',:,', 'string:b', '):)', 'eof:']],
    ['FROM_TODAY(-3, DAYS)', ['word:FROM_TODAY', '(:(', 'number:-3', ',:,', 'word:DAYS', '):)', 'eof:']],
    ['顧客名 like "株式会社"', ['word:顧客名', 'word:like', 'string:株式会社', 'eof:']],
    ['ＡＢＣ１２３_x＿y・z = 1', ['word:ＡＢＣ１２３_x＿y・z', 'op:=', 'number:1', 'eof:']],
    ['ガ = 1', ['word:ガ', 'op:=', 'number:1', 'eof:']],
    ['', ['eof:']],
    [' \t\r\n\u3000', ['eof:']],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('records the source offset of each token', () => {
    expect(tokenize('  a = "b"').map((t) => t.pos)).toEqual([2, 4, 6, 9]);
  });

  it('accepts full-width spaces, tabs and line breaks between tokens', () => {
    expect(kinds('a\u3000=\t"x"\r\nand\nb\u3000=\u30001')).toEqual([
      'word:a', 'op:=', 'string:x', 'word:and', 'word:b', 'op:=', 'number:1', 'eof:',
    ]);
  });

  it.each([
    ['"a\\"b"', 'a"b'],
    ['"a\\\\b"', 'a\\b'],
    ['"\\t\\n\\r"', '\t\n\r'],
    ['""', ''],
    ['"%_\\\\"', '%_\\'],
    ['"😀 and or )"', '😀 and or )'],
  ])('decodes the literal %s', (text, value) => {
    expect(tokenize(text)[0]).toEqual({ kind: 'string', text: value, pos: 0 });
  });

  it.each([
    ['"a\tb"', 'a raw tab in a literal'],
    ['"a\nb"', 'a raw newline in a literal'],
    ['"a\rb"', 'a raw carriage return in a literal'],
    ['"abc', 'an unterminated literal'],
    ['"a\\x"', 'an unknown escape'],
    ['"a\\', 'a trailing backslash'],
    ['1e308', 'a number running into letters'],
    ['12abc', 'a number running into a code'],
    ['a ! b', 'a lone !'],
    ['a - b', 'a lone minus'],
    ['a = `b`', 'backticks'],
    ["a = 'b'", 'single quotes'],
    ['a\u00a0= 1', 'a no-break space'],
    ['a = [1]', 'brackets'],
  ])('refuses %j (%s) with CB_VA01 querySyntax', (text) => {
    try {
      tokenize(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QueryError);
      expect((e as QueryError).code).toBe('CB_VA01');
      expect((e as QueryError).messageKey).toBe('querySyntax');
    }
  });

  it('refuses text longer than the cap before reading it', () => {
    const e = catchError(() => tokenize('a'.repeat(MAX_QUERY_LENGTH + 1)));
    expect(e.messageKey).toBe('queryTooLong');
    expect(tokenize('a'.repeat(MAX_QUERY_LENGTH))).toHaveLength(2);
  });

  it('refuses more than the token cap', () => {
    expect(tokenize('( '.repeat(MAX_TOKENS))).toHaveLength(MAX_TOKENS + 1);
    expect(catchError(() => tokenize('( '.repeat(MAX_TOKENS + 1))).messageKey).toBe('queryTooComplex');
  });
});

function catchError(fn: () => unknown): QueryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('expected a QueryError');
}
