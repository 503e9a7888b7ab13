// The compiler's contract with its caller (the records list, counts, cursors, views).
import type { RawBuilder, SqlBool } from 'kysely';
import type { Cond } from '../../../common/query/ast.js';

export interface SqlField {
  code: string;
  /** kintone field type; '__ID__' for `$id`. */
  type: string;
  /** Internal id (`f12`) of the value in records.data; '' for system fields. */
  fieldId: string;
  /** For a field inside a table: the SUBTABLE's code and internal id. */
  subtable?: { code: string; fieldId: string };
  /** CALC only: DATE, TIME and DATETIME results compare as text, every other format as a number. */
  format?: string;
}

export interface CompileContext {
  dialect: 'sqlite' | 'postgres';
  /** By code: the fields the actor may see, system fields and `$id` included. */
  fields: Record<string, SqlField>;
  now: Date;
  /** The caller's zone: TODAY() is the caller's day (spec §5.2). */
  timeZone: string;
  /** Null for API tokens: LOGINUSER() then matches nobody (spec/security.md R14). */
  user: { id: number; code: string; primaryOrganization: string | null } | null;
  /** Record numbers may be written `APPCODE-12`. */
  appCode: string;
  /** CREATOR / MODIFIER conditions: user codes → ids of users of this domain. */
  resolveUserIds(codes: string[]): Promise<number[]>;
  /**
   * The app whose record_search rows back `like` on top-level text fields. Absent: every `like`
   * scans (callers that write records without indexing them, such as some tests).
   */
  textIndex?: { domainId: string; appId: number };
  /**
   * `ref.field in (…)` on a Related Records field: the whole predicate over the record `r`,
   * built by the caller, who knows the other app and what the actor may see of it. Absent:
   * such a condition names an unknown field.
   */
  relatedCondition?(cond: Cond): Promise<RawBuilder<SqlBool>>;
}

export interface CompiledOrder {
  sql: RawBuilder<unknown>;
  direction: 'asc' | 'desc';
}

export interface CompiledQuery {
  /** Refers to `records as r`; null when the query has no condition. */
  where: RawBuilder<SqlBool> | null;
  orderBy: CompiledOrder[];
  limit: number;
  offset: number;
  /**
   * The query uses `like` / `not like`: the caller caps such a search at 100,000 hits and warns,
   * as kintone does (spec/security.md D3).
   */
  likeUsed: boolean;
}
