// Recursive descent over the token list. `and` binds tighter than `or` (kintone does not
// document precedence; clients parenthesize, spec §10). Lists of and/or are read in loops, and
// only parentheses recurse, so the stack depth is bounded by MAX_DEPTH.

import type { CompareOp, Cond, Expr, FieldRef, Query, SortKey, Value } from './ast.js';
import { QueryError, syntaxError, tooComplex } from './errors.js';
import { tokenize, type Token } from './lexer.js';

export const MAX_DEPTH = 64;
export const MAX_CONDITIONS = 1_000;
export const MAX_IN_ITEMS = 1_000;
export const MAX_LIMIT = 500;
export const MAX_OFFSET = 10_000;

export function parseQuery(text: string): Query {
  if (typeof text !== 'string') throw syntaxError();
  return new Parser(tokenize(text)).query();
}

/** Keywords are case-insensitive (`AND`, `Order By`); codes never are. */
function isWord(tok: Token | undefined, keyword: string): boolean {
  return tok !== undefined && tok.kind === 'word' && tok.text.length === keyword.length && tok.text.toLowerCase() === keyword;
}

class Parser {
  private i = 0;
  private depth = 0;
  private conditions = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const tok = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return tok;
  }

  private expect(kind: Token['kind']): Token {
    const tok = this.next();
    if (tok.kind !== kind) throw syntaxError(tok.pos);
    return tok;
  }

  query(): Query {
    const where = this.peek().kind === 'eof' || this.atOptions() ? null : this.or();
    const orderBy: SortKey[] = [];
    if (isWord(this.peek(), 'order') && isWord(this.peek(1), 'by')) {
      this.i += 2;
      do orderBy.push(this.sortKey());
      while (this.peek().kind === ',' && this.next());
    }
    const limit = isWord(this.peek(), 'limit') ? this.count('limit') : null;
    const offset = isWord(this.peek(), 'offset') ? this.count('offset') : null;
    const end = this.peek();
    if (end.kind !== 'eof') throw syntaxError(end.pos);
    return { where, orderBy, limit, offset };
  }

  /**
   * A query may be options only. A field may still be called `limit` or `order`: it is an
   * option only when followed by what an option takes.
   */
  private atOptions(): boolean {
    const tok = this.peek();
    if (isWord(tok, 'order')) return isWord(this.peek(1), 'by');
    if (isWord(tok, 'limit') || isWord(tok, 'offset')) return this.peek(1).kind === 'number';
    return false;
  }

  private or(): Expr {
    const items = [this.and()];
    while (isWord(this.peek(), 'or')) {
      this.next();
      items.push(this.and());
    }
    return join('or', items);
  }

  private and(): Expr {
    const items = [this.term()];
    while (isWord(this.peek(), 'and')) {
      this.next();
      items.push(this.term());
    }
    return join('and', items);
  }

  private term(): Expr {
    const open = this.peek();
    if (open.kind !== '(') return this.cond();
    if (++this.depth > MAX_DEPTH) throw tooComplex(open.pos);
    this.next();
    const inner = this.or();
    this.expect(')');
    this.depth--;
    return inner;
  }

  private cond(): Cond {
    const field = this.field();
    if (++this.conditions > MAX_CONDITIONS) throw tooComplex(field.pos);
    const tok = this.next();
    if (tok.kind === 'op') return { kind: 'compare', field, op: tok.text as CompareOp, value: this.value() };
    if (isWord(tok, 'in')) return { kind: 'in', field, negated: false, values: this.list() };
    if (isWord(tok, 'like')) return { kind: 'like', field, negated: false, value: this.expect('string').text };
    if (isWord(tok, 'not')) {
      const what = this.next();
      if (isWord(what, 'in')) return { kind: 'in', field, negated: true, values: this.list() };
      if (isWord(what, 'like')) return { kind: 'like', field, negated: true, value: this.expect('string').text };
      throw syntaxError(what.pos);
    }
    if (isWord(tok, 'is')) {
      const negated = isWord(this.peek(), 'not');
      if (negated) this.next();
      const empty = this.next();
      if (!isWord(empty, 'empty')) throw syntaxError(empty.pos);
      return { kind: 'empty', field, negated };
    }
    throw syntaxError(tok.pos);
  }

  private field(): FieldRef {
    const first = this.expect('word');
    if (this.peek().kind !== '.') return { code: first.text, pos: first.pos };
    this.next();
    const code = this.expect('word');
    return { code: code.text, related: first.text, pos: first.pos };
  }

  private list(): Value[] {
    this.expect('(');
    const values = [this.value()];
    while (this.peek().kind === ',') {
      const comma = this.next();
      if (values.length >= MAX_IN_ITEMS) throw tooComplex(comma.pos);
      values.push(this.value());
    }
    this.expect(')');
    return values;
  }

  private value(): Value {
    const tok = this.next();
    if (tok.kind === 'string') return { kind: 'string', value: tok.text };
    if (tok.kind === 'number') return { kind: 'number', value: tok.text };
    if (tok.kind !== 'word' || this.peek().kind !== '(') throw syntaxError(tok.pos);
    this.next();
    const args: string[] = [];
    if (this.peek().kind !== ')') {
      do {
        const arg = this.next();
        if (arg.kind !== 'number' && arg.kind !== 'word' && arg.kind !== 'string') throw syntaxError(arg.pos);
        args.push(arg.text);
      } while (this.peek().kind === ',' && this.next());
    }
    this.expect(')');
    return { kind: 'function', name: tok.text.toUpperCase(), args, pos: tok.pos };
  }

  private sortKey(): SortKey {
    const field = this.field();
    const tok = this.peek();
    // Real kintone sorts descending when the direction is left out (observed, not documented).
    if (isWord(tok, 'asc') || isWord(tok, 'desc')) {
      this.next();
      return { field, direction: tok.text.toLowerCase() as 'asc' | 'desc' };
    }
    return { field, direction: 'desc' };
  }

  private count(option: 'limit' | 'offset'): number {
    this.next();
    const tok = this.next();
    // Negative or fractional counts are CB_VA01 in kintone; only the upper bounds have codes.
    if (tok.kind !== 'number' || tok.text.startsWith('-') || tok.text.includes('.')) throw syntaxError(tok.pos);
    const n = Number(tok.text);
    if (option === 'limit' && n > MAX_LIMIT) throw new QueryError('GAIA_QU01', { pos: tok.pos });
    if (option === 'offset' && n > MAX_OFFSET) throw new QueryError('GAIA_QU02', { pos: tok.pos });
    return n;
  }
}

/** One item stays itself; nested nodes of the same kind (from parentheses) are flattened. */
function join(kind: 'and' | 'or', items: Expr[]): Expr {
  if (items.length === 1) return items[0] as Expr;
  const flat: Expr[] = [];
  for (const item of items) {
    if (item.kind === kind) flat.push(...item.items);
    else flat.push(item);
  }
  return { kind, items: flat };
}
