// The inverse of parseQuery: parseQuery(printQuery(q)) equals q for every normalized AST (and/or
// flattened, two or more items). The web UI's filter builder writes queries through it, so
// values are always escaped here and never concatenated by hand.

import type { Expr, FieldRef, Query, Value } from './ast.js';
import { syntaxError } from './errors.js';
import { isIdentChar } from './lexer.js';

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

export function printQuery(q: Query): string {
  const parts: string[] = [];
  if (q.where) parts.push(printExpr(q.where, null));
  if (q.orderBy.length > 0) {
    parts.push(`order by ${q.orderBy.map((k) => `${printField(k.field)} ${k.direction}`).join(', ')}`);
  }
  if (q.limit !== null) parts.push(`limit ${printCount(q.limit)}`);
  if (q.offset !== null) parts.push(`offset ${printCount(q.offset)}`);
  return parts.join(' ');
}

export function printExpr(e: Expr, parent: 'and' | 'or' | null = null): string {
  switch (e.kind) {
    case 'and': {
      const text = e.items.map((item) => printExpr(item, 'and')).join(' and ');
      return parent === 'and' ? `(${text})` : text;
    }
    case 'or': {
      const text = e.items.map((item) => printExpr(item, 'or')).join(' or ');
      return parent === null ? text : `(${text})`;
    }
    case 'compare':
      return `${printField(e.field)} ${e.op} ${printValue(e.value)}`;
    case 'in':
      return `${printField(e.field)} ${e.negated ? 'not in' : 'in'} (${e.values.map(printValue).join(', ')})`;
    case 'like':
      return `${printField(e.field)} ${e.negated ? 'not like' : 'like'} ${printString(e.value)}`;
    case 'empty':
      return `${printField(e.field)} is ${e.negated ? 'not empty' : 'empty'}`;
  }
}

/** A double-quoted literal with the escapes kintone reads (`\"`, `\\`, `\t`, `\n`, `\r`). */
export function printString(value: string): string {
  let out = '"';
  for (const c of value) {
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else out += c;
  }
  return `${out}"`;
}

function printValue(v: Value): string {
  if (v.kind === 'string') return printString(v.value);
  if (v.kind === 'number') {
    if (!NUMBER_TEXT.test(v.value)) throw syntaxError();
    return v.value;
  }
  if (!isIdentifier(v.name)) throw syntaxError();
  const args = v.args.map((a) => (NUMBER_TEXT.test(a) || isIdentifier(a) ? a : printString(a)));
  return `${v.name}(${args.join(', ')})`;
}

function printField(f: FieldRef): string {
  // Codes cannot be quoted in kintone's language, so one that is not a bare identifier
  // cannot be written at all.
  if (!isIdentifier(f.code) || (f.related !== undefined && !isIdentifier(f.related))) throw syntaxError();
  return f.related === undefined ? f.code : `${f.related}.${f.code}`;
}

function printCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw syntaxError();
  return String(n);
}

/** What the lexer reads as one word: `$` or a non-digit code character, then code characters. */
export function isIdentifier(text: string): boolean {
  if (text === '') return false;
  let first = true;
  for (const ch of text) {
    const ok = first ? ch === '$' || (isIdentChar(ch) && !(ch >= '0' && ch <= '9')) : isIdentChar(ch);
    if (!ok) return false;
    first = false;
  }
  return true;
}
