// Tokens of the formula language (spec/calc-formulas.md §1.1). Full-width symbols and mistyped
// operators are caught here, where their position is still known, so the deploy error can name
// the character and the half-width one the author meant.

import type { Span } from './ast.js';
import { fail } from './formula-error.js';
import { PROVISIONAL } from './provisional.js';

export type Punct =
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '&'
  | '='
  | '!='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '('
  | ')'
  | ',';

export type Token =
  | ({ kind: 'number'; text: string } & Span)
  | ({ kind: 'string'; value: string } & Span)
  | ({ kind: 'ident'; text: string } & Span)
  | ({ kind: 'punct'; op: Punct } & Span)
  | ({ kind: 'eof' } & Span);

// Field codes: letters of any script with their marks, digits (not first), `_`, and the
// full-width `＿` and `・` kintone allows. Must match CODE in common/fields/codes.ts.
const ID_START = /[\p{L}_\uFF3F\u30FB]/u;
const ID_CONTINUE = /[\p{L}\p{M}\p{Nd}_\uFF3F\u30FB]/u;

const TWO_CHAR: readonly Punct[] = ['!=', '<>', '<=', '>='];
const ONE_CHAR: readonly Punct[] = ['+', '-', '*', '/', '^', '&', '=', '<', '>', '(', ')', ','];

/** Full-width (or typographic) look-alikes of the symbols the language uses. */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '＋': '+',
  '－': '-',
  '−': '-',
  '＊': '*',
  '×': '*',
  '／': '/',
  '÷': '/',
  '＾': '^',
  '＆': '&',
  '＝': '=',
  '≠': '!=',
  '＜': '<',
  '＞': '>',
  '≦': '<=',
  '≧': '>=',
  '≤': '<=',
  '≥': '>=',
  '（': '(',
  '）': ')',
  '，': ',',
  '、': ',',
  '”': '"',
  '“': '"',
  '＂': '"',
  '！': '!',
  '．': '.',
  ...(PROVISIONAL.fullWidthSpaceIsError ? { '\u3000': ' ' } : {}),
};

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function fullWidthDigit(ch: string): string | null {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 0x30) : null;
}

/** The character (whole code point) at `i`. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = charAt(text, i);
    if (WHITESPACE.has(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (isDigit(ch)) {
      i = readNumber(text, i);
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (ch === '"') {
      // No escapes (§1.1): the string ends at the next quote, and a full-width symbol after an
      // unclosed quote is part of the string, so the error is about the quote, not the symbol.
      const close = text.indexOf('"', i + 1);
      if (close < 0) fail('syntax', { start, end: text.length });
      tokens.push({ kind: 'string', value: text.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (ID_START.test(ch)) {
      i += ch.length;
      for (let c = charAt(text, i); c !== '' && ID_CONTINUE.test(c); c = charAt(text, i)) i += c.length;
      tokens.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    const mistyped = PROVISIONAL.mistypedOperators.find((m) => text.startsWith(m.typed, i));
    if (mistyped) {
      const key = mistyped.variant === 'compare' ? 'mistypedCompare' : 'mistypedArithmetic';
      fail(key, { start, end: i + mistyped.typed.length }, { typed: mistyped.typed, meant: mistyped.meant });
    }
    const two = TWO_CHAR.find((op) => text.startsWith(op, i));
    const op = two ?? ONE_CHAR.find((o) => o === ch);
    if (op) {
      i += op.length;
      tokens.push({ kind: 'punct', op, start, end: i });
      continue;
    }
    const halfWidth = Object.hasOwn(FULL_WIDTH, ch) ? FULL_WIDTH[ch] : fullWidthDigit(ch);
    if (halfWidth !== null && halfWidth !== undefined) {
      fail('fullWidth', { start, end: i + ch.length }, { symbol: ch, halfWidth });
    }
    fail('syntax', { start, end: i + ch.length });
  }
  tokens.push({ kind: 'eof', start: text.length, end: text.length });
  return tokens;
}

/** Digits with an optional fraction; `5.` and `1e3` are refused until kintone's forms are known. */
function readNumber(text: string, i: number): number {
  let j = i;
  while (isDigit(text[j])) j += 1;
  if (text[j] === '.') {
    if (!isDigit(text[j + 1])) fail('syntax', { start: i, end: j + 1 });
    j += 1;
    while (isDigit(text[j])) j += 1;
  }
  return j;
}
