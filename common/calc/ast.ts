// The parsed shape of a kintone formula (spec/calc-formulas.md §1). Parentheses leave no node:
// `(n)` is the reference `n`, which matters because a bare empty reference stays empty (§2.4).

import { PROVISIONAL } from './provisional.js';

/** Offsets into the formula text, in UTF-16 code units; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type CompareOp = '=' | '!=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOp = ArithmeticOp | '&' | CompareOp;

export type FunctionName =
  | 'SUM'
  | 'IF'
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'ROUND'
  | 'ROUNDUP'
  | 'ROUNDDOWN'
  | 'YEN'
  | 'DATE_FORMAT'
  | 'CONTAINS';

export type Node =
  | ({ kind: 'number'; text: string } & Span)
  | ({ kind: 'string'; value: string } & Span)
  | ({ kind: 'field'; code: string } & Span)
  | ({ kind: 'unary'; op: '+' | '-'; operand: Node } & Span)
  | ({ kind: 'binary'; op: BinaryOp; left: Node; right: Node } & Span)
  | ({ kind: 'call'; name: FunctionName; args: Node[] } & Span);

export interface Formula {
  text: string;
  root: Node;
  /** Field codes the formula reads, each once, in order of first appearance. */
  references: string[];
}

export interface Arity {
  min: number;
  /** `null`: no upper bound beyond the formula's node limit. */
  max: number | null;
}

/** The whole function set (§3); any other name is a deploy error. */
export const FUNCTIONS: Readonly<Record<FunctionName, Arity>> = {
  SUM: { min: 1, max: null },
  IF: { min: 3, max: 3 },
  AND: { min: PROVISIONAL.andOrMinArgs, max: 32 },
  OR: { min: PROVISIONAL.andOrMinArgs, max: 32 },
  NOT: { min: 1, max: 1 },
  ROUND: { min: 1, max: 2 },
  ROUNDUP: { min: 1, max: 2 },
  ROUNDDOWN: { min: 1, max: 2 },
  YEN: { min: 2, max: 2 },
  DATE_FORMAT: { min: 3, max: 3 },
  CONTAINS: { min: 2, max: 2 },
};

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

export const COMPARE_OPS: readonly CompareOp[] = ['=', '!=', '<>', '<', '<=', '>', '>='];

export function isCompareOp(op: BinaryOp): op is CompareOp {
  return (COMPARE_OPS as readonly string[]).includes(op);
}

/** The CALC `format` enum (§5.3); anything else is refused with CB_VA01 when the field is saved. */
export const CALC_FORMATS = [
  'NUMBER',
  'NUMBER_DIGIT',
  'DATETIME',
  'DATE',
  'TIME',
  'HOUR_MINUTE',
  'DAY_HOUR_MINUTE',
] as const;

export type CalcFormat = (typeof CALC_FORMATS)[number];

export function isCalcFormat(value: unknown): value is CalcFormat {
  return typeof value === 'string' && (CALC_FORMATS as readonly string[]).includes(value);
}

/** Limits from spec/security.md X11: what a formula may cost us to parse and to evaluate. */
export const LIMITS = {
  maxLength: 10_000,
  maxDepth: 64,
  maxNodes: 2_000,
  /** Longest string any step may produce (`&`, YEN, DATE_FORMAT); longer fails like ÷0. */
  maxStringLength: 65_535,
} as const;
