// Deploy-time validation of one formula against the app's fields (spec/calc-formulas.md §4,
// §6.2). Only what kintone refuses at deploy is reported here; boolean/number confusion and
// the like deploy fine and fail per record (§2.5).

import type { FormulaMessageKey } from '../errors.js';
import type { Formula, FunctionName, Node } from './ast.js';
import { fieldKind } from './field-types.js';
import { FormulaError, problem, type FormulaProblem, type FormulaParams } from './formula-error.js';
import { calcOrder, formulaCodes, type FormulaField } from './order.js';
import { parseFormula } from './parser.js';
import { PROVISIONAL } from './provisional.js';

export { calcOrder, isFormulaField, type CalcOrder, type FormulaField } from './order.js';

export interface FieldInfo {
  type: string;
  /** Code of the SUBTABLE the field is a column of; absent at the top level. */
  subtable?: string;
  /** Accepted so callers can pass field properties: a formula reads every CALC as a number. */
  format?: string;
}

export type FieldMap = Readonly<Record<string, FieldInfo>>;

/** The formula field being checked. */
export interface SelfInfo {
  code: string;
  subtable?: string;
}

/**
 * Static types: enough to catch what kintone refuses at deploy. `any` never causes a report.
 * numberList / stringList: a column seen from outside its table, or CHECK_BOX / MULTI_SELECT
 * (stringList); nestedList: a CHECK_BOX / MULTI_SELECT column seen from outside its table.
 */
type StaticType = 'number' | 'string' | 'boolean' | 'any' | 'numberList' | 'stringList' | 'nestedList';

const LISTS: readonly StaticType[] = ['numberList', 'stringList', 'nestedList'];

/** Every problem, in the order met; a deploy reports the first. */
export function checkFormula(formula: Formula, fields: FieldMap, self: SelfInfo): FormulaProblem[] {
  const checker = new Checker(fields, self);
  checker.scalar(formula.root);
  return checker.problems;
}

class Checker {
  readonly problems: FormulaProblem[] = [];

  constructor(
    private readonly fields: FieldMap,
    private readonly self: SelfInfo,
  ) {}

  /** A node in a place that takes one value: a list here is kintone's "array misuse". */
  scalar(node: Node): StaticType {
    const t = this.type(node);
    if (!LISTS.includes(t)) return t;
    this.report('arrayMisuse', node);
    return 'any';
  }

  private type(node: Node): StaticType {
    switch (node.kind) {
      case 'number':
        return 'number';
      case 'string':
        return 'string';
      case 'field':
        return this.field(node);
      case 'unary':
        if (this.scalar(node.operand) === 'string') this.report('operatorType', node, { op: node.op });
        return 'number';
      case 'binary': {
        const [l, r] = [this.scalar(node.left), this.scalar(node.right)];
        if (node.op === '&') return 'string';
        if (['+', '-', '*', '/', '^'].includes(node.op)) {
          if (l === 'string' || r === 'string') this.report('operatorType', node, { op: node.op });
          return 'number';
        }
        return 'boolean';
      }
      case 'call':
        return this.call(node.name, node.args, node);
    }
  }

  private field(node: Node & { kind: 'field' }): StaticType {
    if (!Object.hasOwn(this.fields, node.code)) {
      this.report('unknownField', node, { code: node.code });
      return 'any';
    }
    const f = this.fields[node.code] as FieldInfo;
    const kind = fieldKind(f.type);
    if (kind === null) {
      this.report('fieldType', node, { type: f.type });
      return 'any';
    }
    if (node.code === this.self.code) {
      this.report('cycle', node);
      return 'any';
    }
    const sameRow = f.subtable === undefined || f.subtable === this.self.subtable;
    if (sameRow) return kind === 'options' ? 'stringList' : kind === 'string' ? 'string' : 'number';
    if (this.self.subtable !== undefined && PROVISIONAL.otherTableColumnIsError) {
      this.report('arrayMisuse', node);
      return 'any';
    }
    return kind === 'options' ? 'nestedList' : kind === 'string' ? 'stringList' : 'numberList';
  }

  private call(name: FunctionName, args: readonly Node[], node: Node): StaticType {
    switch (name) {
      case 'SUM':
        for (const a of args) this.sumArgument(a, name);
        return 'number';
      case 'CONTAINS':
        this.containsArguments(args, node);
        return 'boolean';
      case 'IF': {
        // The condition's type is checked per record; the result is typed only when both agree.
        const [, a, b] = args.map((x) => this.scalar(x));
        return a === b && a !== undefined ? a : 'any';
      }
      case 'AND':
      case 'OR':
      case 'NOT':
        args.forEach((a) => this.scalar(a));
        return 'boolean';
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN':
      case 'YEN':
        this.numericArguments(args, name, node);
        return name === 'YEN' ? 'string' : 'number';
      case 'DATE_FORMAT': {
        const [t, ...rest] = args.map((x) => this.scalar(x));
        if (t === 'string' || rest.some((x) => x === 'number' || x === 'boolean')) {
          this.report('functionType', node, { name });
        }
        return 'string';
      }
    }
  }

  /** Columns may be passed to SUM directly, and only number columns (§4.2). */
  private sumArgument(a: Node, name: FunctionName): void {
    const t = this.type(a);
    if (t === 'nestedList') this.report('arrayMisuse', a);
    else if (t === 'string' || t === 'stringList') this.report('functionType', a, { name });
  }

  /** CONTAINS takes a selection field or a string column, by reference (§3). */
  private containsArguments(args: readonly Node[], node: Node): void {
    const [target, needle] = args;
    if (!target || !needle) return;
    if (target.kind !== 'field' && PROVISIONAL.containsNeedsFieldReference) {
      this.scalar(target);
      this.report('functionType', node, { name: 'CONTAINS' });
    } else {
      const t = this.type(target);
      if (t === 'numberList' || t === 'nestedList') this.report('arrayMisuse', target);
    }
    this.scalar(needle);
  }

  private numericArguments(args: readonly Node[], name: FunctionName, node: Node): void {
    if (args.map((a) => this.scalar(a)).includes('string')) this.report('functionType', node, { name });
  }

  private report(key: FormulaMessageKey, node: Node, params?: FormulaParams): void {
    this.problems.push(problem(key, node, params));
  }
}

export interface FieldFormulaProblem {
  /** The formula field at fault; GAIA_IL01 names it by label. */
  code: string;
  problem: FormulaProblem;
}

/**
 * Everything deploy checks about an app's formulas: syntax, references, types and cycles, for
 * every formula field in the fields' order. kintone reports only the first (§6.2).
 */
export function checkAppFormulas(fields: Readonly<Record<string, FormulaField>>): FieldFormulaProblem[] {
  const found: FieldFormulaProblem[] = [];
  for (const code of formulaCodes(fields)) {
    const f = fields[code] as FormulaField;
    try {
      const formula = parseFormula(f.expression ?? '');
      const self = f.subtable === undefined ? { code } : { code, subtable: f.subtable };
      for (const p of checkFormula(formula, fields, self)) found.push({ code, problem: p });
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      found.push({ code, problem: e.problem });
    }
  }
  const order = calcOrder(fields);
  // A self reference is already reported by checkFormula, at the reference.
  if (!order.ok && !found.some((f) => f.problem.key === 'cycle')) {
    const code = order.cycle[0] as string;
    const text = fields[code]?.expression ?? '';
    found.push({ code, problem: problem('cycle', { start: 0, end: text.length }) });
  }
  return found;
}
