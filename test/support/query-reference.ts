// A reference implementation of the query semantics in plain TypeScript over the fixture
// records, written apart from the SQL compiler so the two can check each other (the property
// tests run random queries through both). Kept simple rather than fast.
import type { Cond, Expr, Query, Value } from '../../common/query/ast.js';
import { compareRange, resolveDateFunction } from '../../common/query/dates.js';
import { type Def, DEFS, type FixtureRecord } from './query-records.js';
import { APP_CODE, type Caller, NOW, TIME_ZONE, USERS } from './query-world.js';

type Data = Record<string, unknown>;
type Field = Def & { code: string; system?: boolean };

const SYSTEM_TYPES: Record<string, string> = {
  $id: '__ID__', レコード番号: 'RECORD_NUMBER', 作成者: 'CREATOR', 作成日時: 'CREATED_TIME', 更新者: 'MODIFIER', 更新日時: 'UPDATED_TIME',
};

function field(code: string): Field {
  const system = SYSTEM_TYPES[code];
  if (system) return { code, type: system, id: '', system: true };
  const def = DEFS[code];
  if (!def) throw new Error(`unknown field ${code}`);
  return { ...def, code };
}

const USER_CODES = new Map<number, string>(Object.values(USERS).map((u) => [u.id, u.code]));
const fold = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
const lit = (v: Value) => (v.kind === 'function' ? `${v.name}()` : v.value);

/** Code point order, as SQLite's BINARY and PostgreSQL's "C" collation compare UTF-8. */
export function cpCompare(a: string, b: string): number {
  const x = [...a].map((ch) => ch.codePointAt(0) as number);
  const y = [...b].map((ch) => ch.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

function holds(op: string, cmp: number): boolean {
  return op === '=' ? cmp === 0 : op === '!=' ? cmp !== 0 : op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '>' ? cmp > 0 : cmp >= 0;
}

class Evaluator {
  constructor(private caller: Caller) {}

  private get user() {
    return this.caller === 'token' ? null : USERS[this.caller];
  }

  run(query: Query, records: FixtureRecord[]): number[] {
    const hits = records.filter((r) => !query.where || this.expr(query.where, r));
    const keys = query.orderBy.length ? query.orderBy : [{ field: { code: '$id', pos: 0 }, direction: 'desc' as const }];
    const last = (keys[keys.length - 1] as (typeof keys)[number]).direction;
    hits.sort((a, b) => {
      for (const k of keys) {
        const c = this.compareSort(field(k.field.code), a, b);
        if (c !== 0) return k.direction === 'asc' ? c : -c;
      }
      return last === 'asc' ? a.id - b.id : b.id - a.id;
    });
    const offset = query.offset ?? 0;
    return hits.slice(offset, offset + (query.limit ?? 100)).map((r) => r.id);
  }

  /** Empty sorts as the largest value. */
  private compareSort(f: Field, a: FixtureRecord, b: FixtureRecord): number {
    const x = this.sortValue(f, a);
    const y = this.sortValue(f, b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return typeof x === 'number' ? x - (y as number) : cpCompare(x, y as string);
  }

  private sortValue(f: Field, r: FixtureRecord): number | string | null {
    if (f.type === '__ID__' || f.type === 'RECORD_NUMBER') return r.id;
    if (f.type === 'CREATED_TIME') return Date.parse(r.createdAt);
    if (f.type === 'UPDATED_TIME') return Date.parse(r.updatedAt);
    if (f.type === 'CREATOR' || f.type === 'MODIFIER') return USER_CODES.get(f.type === 'CREATOR' ? r.creatorId : r.modifierId) ?? null;
    const v = (r.data[f.id] ?? '') as string;
    if (v === '') return null;
    return f.type === 'NUMBER' || (f.type === 'CALC' && f.format === 'NUMBER') ? Number(v) : v;
  }

  private expr(e: Expr, r: FixtureRecord): boolean {
    if (e.kind === 'or') return e.items.some((i) => this.expr(i, r));
    const items = e.kind === 'and' ? e.items : [e];
    const tables = new Map<string, Cond[]>();
    for (const item of items) {
      if (item.kind === 'and' || item.kind === 'or') {
        if (!this.expr(item, r)) return false;
        continue;
      }
      const f = field(item.field.code);
      if (f.table) tables.set(f.table, [...(tables.get(f.table) ?? []), item]);
      else if (!this.cond(item, f, r.data, r)) return false;
    }
    for (const [table, conds] of tables) if (!this.rows(table, conds, r)) return false;
    return true;
  }

  /** Positive conditions together in one row, negative ones in every row, and some row at all. */
  private rows(table: string, conds: Cond[], r: FixtureRecord): boolean {
    const live = conds.filter((c) => !this.ignored(c, field(c.field.code)));
    if (live.length === 0) return true;
    const rows = ((r.data[(DEFS[table] as Def).id] ?? []) as Array<{ value: Data }>).map((row) => row.value);
    const negative = (c: Cond) => (c.kind === 'compare' ? c.op === '!=' : (c.kind === 'in' || c.kind === 'like') && c.negated);
    const pos = live.filter((c) => !negative(c));
    const neg = live.filter(negative);
    return (
      rows.some((row) => pos.every((c) => this.cond(c, field(c.field.code), row, r))) &&
      rows.every((row) => neg.every((c) => this.cond(c, field(c.field.code), row, r)))
    );
  }

  private ignored(c: Cond, f: Field): boolean {
    return f.type === 'ORGANIZATION_SELECT' && c.kind === 'in' && !this.user?.primaryOrganization && c.values.some((v) => lit(v) === 'PRIMARY_ORGANIZATION()');
  }

  private cond(c: Cond, f: Field, data: Data, r: FixtureRecord): boolean {
    const t = f.type;
    if (t === '__ID__' || t === 'RECORD_NUMBER') return this.idCond(c, r.id);
    if (t === 'CREATOR' || t === 'MODIFIER') return this.inList(c, [USER_CODES.get(t === 'CREATOR' ? r.creatorId : r.modifierId) ?? '?'], f);
    if (t === 'CREATED_TIME' || t === 'UPDATED_TIME') return this.instantCond(c, Date.parse(t === 'CREATED_TIME' ? r.createdAt : r.updatedAt), t);
    const raw = data[f.id];
    if (t === 'NUMBER' || (t === 'CALC' && f.format === 'NUMBER')) return this.numberCond(c, (raw ?? '') as string);
    if (t === 'DATE' || t === 'TIME' || t === 'DATETIME' || t === 'CALC') return this.dateCond(c, raw === '' || raw == null ? null : (raw as string), f);
    if (t === 'FILE') {
      const names = ((raw ?? []) as Array<{ name: string }>).map((x) => x.name);
      if (c.kind === 'empty') return (names.length === 0) !== c.negated;
      if (c.kind !== 'like') throw new Error('FILE op');
      return names.some((n) => fold(n).includes(fold(c.value))) !== c.negated;
    }
    if (Array.isArray(raw) || ['CHECK_BOX', 'MULTI_SELECT', 'USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT'].includes(t)) {
      const arr = ((raw ?? []) as Array<string | { code: string }>).map((x) => (typeof x === 'string' ? x : x.code));
      return this.inList(c, arr, f);
    }
    const v = (raw ?? '') as string;
    if (c.kind === 'compare') return c.op === '=' ? v === lit(c.value) : v !== lit(c.value);
    if (c.kind === 'in') return c.values.map(lit).includes(v) !== c.negated;
    if (c.kind === 'like') return fold(v).includes(fold(c.value)) !== c.negated;
    return (v.trim() === '') !== c.negated;
  }

  /** Any/none of the values in the list; "" in the list = nothing there. */
  private inList(c: Cond, values: string[], f: Field): boolean {
    if (c.kind !== 'in') throw new Error('list op');
    if (this.ignored(c, f)) return true;
    const listed = c.values.flatMap((v) => {
      if (lit(v) === 'LOGINUSER()') return this.user ? [this.user.code] : [];
      if (lit(v) === 'PRIMARY_ORGANIZATION()') return [this.user?.primaryOrganization as string];
      return [lit(v)];
    });
    const hit = values.some((v) => listed.includes(v)) || (listed.includes('') && values.length === 0);
    return hit !== c.negated;
  }

  private idCond(c: Cond, id: number): boolean {
    const num = (v: Value) => {
      const s = lit(v);
      if (s.startsWith(`${APP_CODE}-`)) return Number(s.slice(APP_CODE.length + 1));
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
    };
    if (c.kind === 'in') return c.values.some((v) => num(v) === id) !== c.negated;
    if (c.kind !== 'compare') throw new Error('id op');
    const n = num(c.value);
    return Number.isNaN(n) ? c.op === '!=' : holds(c.op, id - n);
  }

  private numberCond(c: Cond, s: string): boolean {
    if (c.kind === 'in') {
      const hit = c.values.some((v) => (lit(v) === '' ? s === '' : s !== '' && Number(s) === Number(lit(v))));
      return hit !== c.negated;
    }
    if (c.kind !== 'compare') throw new Error('number op');
    const l = lit(c.value);
    if (l === '') return c.op === '=' ? s === '' : s !== '';
    return s !== '' && holds(c.op, Number(s) - Number(l));
  }

  private dateCond(c: Cond, x: string | null, f: Field): boolean {
    const kind = f.type === 'CALC' ? (f.format as string) : f.type;
    const norm = (s: string) => (kind === 'DATETIME' ? minuteIso(Date.parse(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))) : s);
    if (c.kind === 'in') {
      const hit = c.values.some((v) => (lit(v) === '' ? x === null : x !== null && x === norm(lit(v))));
      return hit !== c.negated;
    }
    if (c.kind !== 'compare') throw new Error('date op');
    const v = c.value;
    if (v.kind === 'function') {
      const { combine, bounds } = compareRange(c.op, resolveDateFunction(v, NOW, TIME_ZONE, kind as 'DATE'));
      const each = bounds.map((b) => x !== null && holds(b.op, cpCompare(x, b.value)));
      return combine === 'or' ? each.some(Boolean) : each.every(Boolean);
    }
    if (v.value === '') return c.op === '=' ? x === null : x !== null;
    return x !== null && holds(c.op, cpCompare(x, norm(v.value)));
  }

  /** Compared by the minute the instant falls in, as kintone shows these fields. */
  private instantCond(c: Cond, ms: number, type: 'CREATED_TIME' | 'UPDATED_TIME'): boolean {
    if (c.kind !== 'compare') throw new Error('instant op');
    const minute = Math.floor(ms / 60_000) * 60_000;
    const v = c.value;
    if (v.kind === 'function' && v.name !== 'NOW') {
      const { combine, bounds } = compareRange(c.op, resolveDateFunction(v, NOW, TIME_ZONE, type));
      const each = bounds.map((b) => holds(b.op, ms - Date.parse(b.value)));
      return combine === 'or' ? each.some(Boolean) : each.every(Boolean);
    }
    if (v.kind !== 'function' && v.value === '') return c.op === '!=';
    const target = v.kind === 'function' ? NOW.getTime() : Date.parse(v.value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return holds(c.op, minute - Math.floor(target / 60_000) * 60_000);
  }
}

function minuteIso(ms: number): string {
  return `${new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 16)}:00Z`;
}

export function evaluateQuery(query: Query, records: FixtureRecord[], caller: Caller = 'alice'): number[] {
  return new Evaluator(caller).run(query, records);
}
