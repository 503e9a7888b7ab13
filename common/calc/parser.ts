// Recursive descent over the grammar of spec/calc-formulas.md §1.2. Every recursion step counts
// toward the nesting limit and every node toward the node limit (spec/security.md X11), so a
// hostile formula costs at most a bounded amount of stack and memory to reject.

import {
  FUNCTIONS,
  LIMITS,
  isFunctionName,
  type BinaryOp,
  type CompareOp,
  type Formula,
  type FunctionName,
  type Node,
  type Span,
} from './ast.js';
import { fail } from './formula-error.js';
import { tokenize, type Punct, type Token } from './lexer.js';
import { PROVISIONAL } from './provisional.js';

const COMPARE: readonly Punct[] = ['=', '!=', '<>', '<', '<=', '>', '>='];

/** Parses a formula, throwing FormulaError with kintone's deploy-time detail and a position. */
export function parseFormula(text: string): Formula {
  if (typeof text !== 'string') fail('syntax', { start: 0, end: 0 });
  if (text.length > LIMITS.maxLength) {
    fail('tooLong', { start: LIMITS.maxLength, end: text.length }, { n: LIMITS.maxLength });
  }
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first || first.kind === 'eof') fail('syntax', { start: 0, end: text.length });
  const parser = new Parser(tokens);
  const root = parser.comparison(0);
  parser.expectEnd();
  return { text, root, references: parser.references() };
}

class Parser {
  private pos = 0;
  private nodes = 0;
  private readonly refs = new Set<string>();

  constructor(private readonly tokens: readonly Token[]) {}

  references(): string[] {
    return [...this.refs];
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eof') fail('syntax', t);
  }

  comparison(depth: number): Node {
    this.enter(depth);
    const left = this.concat(depth);
    const op = this.takeAny(COMPARE);
    if (!op) return left;
    const right = this.concat(depth);
    const chained = this.peekPunct(COMPARE);
    if (chained && PROVISIONAL.chainedComparisonIsSyntaxError) fail('syntax', chained);
    return this.binary(op.op as CompareOp, left, right);
  }

  private concat(depth: number): Node {
    let node = this.additive(depth);
    while (this.takeAny(['&'])) node = this.binary('&', node, this.additive(depth));
    return node;
  }

  private additive(depth: number): Node {
    let node = this.term(depth);
    for (let op = this.takeAny(['+', '-']); op; op = this.takeAny(['+', '-'])) {
      node = this.binary(op.op as BinaryOp, node, this.term(depth));
    }
    return node;
  }

  private term(depth: number): Node {
    let node = this.power(depth);
    for (let op = this.takeAny(['*', '/']); op; op = this.takeAny(['*', '/'])) {
      node = this.binary(op.op as BinaryOp, node, this.power(depth));
    }
    return node;
  }

  private power(depth: number): Node {
    const base = this.unary(depth);
    if (!this.takeAny(['^'])) return base;
    this.enter(depth + 1);
    if (PROVISIONAL.powerRightAssociative) return this.binary('^', base, this.power(depth + 1));
    return this.binary('^', base, this.unary(depth + 1));
  }

  private unary(depth: number): Node {
    const sign = this.takeAny(['+', '-']);
    if (!sign) return this.primary(depth);
    this.enter(depth + 1);
    const operand = this.unary(depth + 1);
    return this.add({ kind: 'unary', op: sign.op as '+' | '-', operand, start: sign.start, end: operand.end });
  }

  private primary(depth: number): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return this.add({ kind: 'number', text: t.text, start: t.start, end: t.end });
      case 'string':
        return this.add({ kind: 'string', value: t.value, start: t.start, end: t.end });
      case 'ident': {
        const open = this.takeAny(['(']);
        if (open) return this.call(t, open, depth);
        this.refs.add(t.text);
        return this.add({ kind: 'field', code: t.text, start: t.start, end: t.end });
      }
      case 'punct':
        if (t.op === '(') {
          const inner = this.comparison(depth + 1);
          this.close(t);
          return inner;
        }
        return fail('syntax', t);
      case 'eof':
        return fail('syntax', t);
    }
  }

  private call(name: Token & { kind: 'ident' }, open: Span, depth: number): Node {
    const upper = PROVISIONAL.caseInsensitiveFunctions ? name.text.toUpperCase() : name.text;
    if (!isFunctionName(upper)) fail('unknownFunction', name, { name: name.text });
    const args: Node[] = [];
    if (!this.takeAny([')'])) {
      do args.push(this.comparison(depth + 1));
      while (this.takeAny([',']));
      this.close(open);
    }
    const end = this.tokens[this.pos - 1]?.end ?? name.end;
    checkArity(upper, args.length, { start: name.start, end });
    return this.add({ kind: 'call', name: upper, args, start: name.start, end });
  }

  /** An unbalanced parenthesis is reported at the `(` left open. */
  private close(open: Span): void {
    const t = this.peek();
    if (t.kind === 'punct' && t.op === ')') this.pos += 1;
    else if (t.kind === 'eof') fail('syntax', open);
    else fail('syntax', t);
  }

  private binary(op: BinaryOp, left: Node, right: Node): Node {
    return this.add({ kind: 'binary', op, left, right, start: left.start, end: right.end });
  }

  private add(node: Node): Node {
    this.nodes += 1;
    if (this.nodes > LIMITS.maxNodes) fail('tooComplex', node, { n: LIMITS.maxNodes });
    return node;
  }

  private enter(depth: number): void {
    if (depth > LIMITS.maxDepth) fail('tooDeep', this.peek(), { n: LIMITS.maxDepth });
  }

  private peek(): Token {
    // tokenize always ends with eof, and the parser never moves past it.
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos += 1;
    return t;
  }

  private peekPunct(ops: readonly Punct[]): (Token & { kind: 'punct' }) | null {
    const t = this.peek();
    return t.kind === 'punct' && ops.includes(t.op) ? t : null;
  }

  private takeAny(ops: readonly Punct[]): (Token & { kind: 'punct' }) | null {
    const t = this.peekPunct(ops);
    if (t) this.pos += 1;
    return t;
  }
}

function checkArity(name: FunctionName, n: number, span: Span): void {
  const { min, max } = FUNCTIONS[name];
  if (n >= min && (max === null || n <= max)) return;
  if (min === 1 && max === 2) fail('argsOneOrTwo', span, { name });
  if (n > (max ?? Infinity)) fail('argsAtMost', span, { name, n: max ?? 0 });
  fail(min === max ? 'argsExactly' : 'argsAtLeast', span, { name, n: min });
}
