// Tokens of the kintone query language. One left-to-right pass with no backtracking, so hostile
// input costs time linear in its length (spec/security.md D1, D8).

import { QueryError, syntaxError, tooComplex } from './errors.js';

export type TokenKind = 'word' | 'number' | 'string' | 'op' | '(' | ')' | ',' | '.' | 'eof';

export interface Token {
  kind: TokenKind;
  /** word/number/op: the source text; string: the decoded value; punctuation: itself. */
  text: string;
  pos: number;
}

export const MAX_QUERY_LENGTH = 100_000;
export const MAX_TOKENS = 10_000;

// Real kintone accepts these between tokens, the full-width space included (spec §5.1).
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\u3000']);

// Field codes: letters of any script (with their combining marks), digits, `_`, and the
// full-width `＿` and `・` that kintone allows in codes. Tested one code point at a time.
const IDENT_CHAR = /^[\p{L}\p{M}\p{Nd}_\uFF3F\u30FB]$/u;

const ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['t', '\t'],
  ['n', '\n'],
  ['r', '\r'],
]);

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The code point at `i` as a string ('' at the end). */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

export function isIdentChar(ch: string): boolean {
  return ch !== '' && IDENT_CHAR.test(ch);
}

export function tokenize(text: string): Token[] {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new QueryError('CB_VA01', { messageKey: 'queryTooLong', messageParams: { n: MAX_QUERY_LENGTH } });
  }
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && WHITESPACE.has(text[i] as string)) i++;
    if (i >= n) break;
    if (tokens.length >= MAX_TOKENS) throw tooComplex(i);
    const start = i;
    const c = text[i] as string;
    if (c === '"') {
      const [value, next] = readString(text, i);
      tokens.push({ kind: 'string', text: value, pos: start });
      i = next;
    } else if (isAsciiDigit(c) || (c === '-' && isAsciiDigit(text[i + 1]))) {
      i = readNumber(text, i);
      tokens.push({ kind: 'number', text: text.slice(start, i), pos: start });
    } else if (c === '$' || (isIdentChar(charAt(text, i)) && !isAsciiDigit(c))) {
      if (c === '$') i++;
      for (let ch = charAt(text, i); isIdentChar(ch); ch = charAt(text, i)) i += ch.length;
      tokens.push({ kind: 'word', text: text.slice(start, i), pos: start });
    } else if (c === '(' || c === ')' || c === ',' || c === '.') {
      tokens.push({ kind: c, text: c, pos: start });
      i++;
    } else if (c === '=' || c === '<' || c === '>' || (c === '!' && text[i + 1] === '=')) {
      const op = c !== '=' && text[i + 1] === '=' ? `${c}=` : c;
      tokens.push({ kind: 'op', text: op, pos: start });
      i += op.length;
    } else {
      throw syntaxError(start);
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: n });
  return tokens;
}

/** `-?digits(.digits)?`, which must not run straight into a field-code character (`1e308`). */
function readNumber(text: string, i: number): number {
  if (text[i] === '-') i++;
  while (isAsciiDigit(text[i])) i++;
  if (text[i] === '.' && isAsciiDigit(text[i + 1])) {
    i++;
    while (isAsciiDigit(text[i])) i++;
  }
  const after = charAt(text, i);
  if (after === '$' || isIdentChar(after)) throw syntaxError(i);
  return i;
}

function readString(text: string, open: number): [string, number] {
  const parts: string[] = [];
  let i = open + 1;
  let chunk = i;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw syntaxError(open);
    if (c === '"') {
      parts.push(text.slice(chunk, i));
      return [parts.join(''), i + 1];
    }
    // kintone refuses a raw tab or line break inside a literal; they must be escaped.
    if (c === '\t' || c === '\n' || c === '\r') throw syntaxError(i);
    if (c === '\\') {
      const escaped = ESCAPES.get(text[i + 1] ?? '');
      if (escaped === undefined) throw syntaxError(i);
      parts.push(text.slice(chunk, i), escaped);
      i += 2;
      chunk = i;
      continue;
    }
    i++;
  }
}
