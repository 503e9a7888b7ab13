// One app with a field of every queryable type and 40 hand-made records, for the query
// compiler's tests (server/records/query-sql*.test.ts). Records are written straight into
// `records` in their stored form (common/fields/value-types.ts), so the compiler is tested
// against exactly what the database holds.
import { checkQuery, parseQuery, type Query, type QuerySchema } from '../../common/query/index.js';
import { loadConfig } from '../../server/config.js';
import { createDomain } from '../../server/domain/domains/create-domain.js';
import { type CompileContext, compileQuery, type SqlField } from '../../server/records/query-sql.js';
import type { Storage } from '../../server/storage/db.js';
import { recordDocToDb, toDb } from '../../server/storage/dialect.js';
import { type Def, DEFS, RECORDS, type FixtureRecord } from './query-records.js';

export { DEFS, LONG_TITLE, RECORDS } from './query-records.js';

/** Wednesday 2026-04-15 12:00 in Tokyo. */
export const NOW = new Date('2026-04-15T03:00:00.000Z');
export const TIME_ZONE = 'Asia/Tokyo';
export const APP_CODE = 'APP';

export const USERS = {
  alice: { id: 1, code: 'alice', primaryOrganization: 'sales' },
  bob: { id: 2, code: 'bob', primaryOrganization: null },
  carol: { id: 3, code: 'carol', primaryOrganization: null },
} as const;
export type Caller = keyof typeof USERS | 'token';

const SYSTEM: Record<string, string> = {
  レコード番号: 'RECORD_NUMBER',
  作成者: 'CREATOR',
  作成日時: 'CREATED_TIME',
  更新者: 'MODIFIER',
  更新日時: 'UPDATED_TIME',
};

export const SQL_FIELDS: Record<string, SqlField> = Object.fromEntries([
  ...Object.entries(SYSTEM).map(([code, type]) => [code, { code, type, fieldId: '' }]),
  ...Object.entries(DEFS)
    .filter(([, d]) => d.type !== 'SUBTABLE')
    .map(([code, d]) => {
      const field: SqlField = { code, type: d.type, fieldId: d.id };
      if (d.format) field.format = d.format;
      if (d.table) field.subtable = { code: d.table, fieldId: (DEFS[d.table] as Def).id };
      return [code, field];
    }),
]);

export const QUERY_SCHEMA: QuerySchema = Object.fromEntries([
  ...Object.entries(SYSTEM).map(([code, type]) => [code, { code, type }]),
  ...Object.entries(DEFS).map(([code, d]) => [code, { code, type: d.type, ...(d.options ? { options: d.options } : {}), ...(d.table ? { subtable: d.table } : {}) }]),
]);

export const ALL_IDS = RECORDS.map((r) => r.id);

/** Every record id but these, ascending. */
export function except(...ids: number[]): number[] {
  return ALL_IDS.filter((id) => !ids.includes(id));
}

export function range(from: number, to: number): number[] {
  return ALL_IDS.filter((id) => id >= from && id <= to);
}

export interface QueryWorld {
  storage: Storage;
  domainId: string;
  appId: number;
  records: FixtureRecord[];
}

/** A domain, its users, one app and the fixture records; `records` may replace the fixture. */
export async function seedQueryWorld(storage: Storage, records: FixtureRecord[] = RECORDS): Promise<QueryWorld> {
  const services = { db: storage.db, ids: storage.ids, dialect: storage.kind, clock: () => NOW, config: loadConfig({}), onMailQueued: () => {} };
  const { id: domainId } = await createDomain(services, { name: 'Query test', hosts: [] });
  const { db } = storage;
  const at = toDb.time(NOW);
  for (const u of Object.values(USERS)) {
    await db
      .insertInto('users')
      .values({
        domainId, id: u.id, kind: 'user', code: u.code, codeKey: u.code, name: u.code, email: `${u.code}@example.test`,
        passwordHash: '-', locale: 'ja', timezone: TIME_ZONE, valid: toDb.bool(storage.kind, true),
        isAdmin: toDb.bool(storage.kind, false), description: '', phone: '', primaryOrganizationId: null, sortOrder: null,
        failedLogins: 0, lockedUntil: null, lastLoginAt: null, passwordChangedAt: at, createdAt: at, updatedAt: at,
      })
      .execute();
  }
  const appId = 7;
  await db
    .insertInto('apps')
    .values({
      domainId, id: appId, code: APP_CODE, name: 'Everything', description: '', spaceId: null, threadId: null,
      creatorId: 1, createdAt: at, modifierId: 1, modifiedAt: at, deployed: toDb.bool(storage.kind, true),
    })
    .execute();
  for (const r of records) {
    await db
      .insertInto('records')
      .values({
        domainId, appId, id: r.id, revision: 1, data: recordDocToDb(storage.kind, r.data), creatorId: r.creatorId, createdAt: r.createdAt,
        modifierId: r.modifierId, updatedAt: r.updatedAt,
      })
      .execute();
  }
  return { storage, domainId, appId, records };
}

export function compileContext(world: QueryWorld, caller: Caller): CompileContext {
  const user = caller === 'token' ? null : USERS[caller];
  return {
    dialect: world.storage.kind,
    fields: SQL_FIELDS,
    now: NOW,
    timeZone: TIME_ZONE,
    user: user ? { ...user } : null,
    appCode: APP_CODE,
    resolveUserIds: async (codes) => {
      const rows = await world.storage.db
        .selectFrom('users')
        .select('id')
        .where('domainId', '=', world.domainId)
        .where('code', 'in', codes)
        .execute();
      return rows.map((r) => Number(r.id));
    },
  };
}

export interface RunOptions {
  caller?: Caller;
  /** Skip checkQuery, for inputs it refuses today but the compiler must still handle. */
  unchecked?: boolean;
}

/** Parses, checks, compiles and runs `text` the way the records list will; returns ids in order. */
export async function runQuery(world: QueryWorld, text: string | Query, options: RunOptions = {}): Promise<number[]> {
  const query = typeof text === 'string' ? parseQuery(text) : text;
  if (!options.unchecked) checkQuery(query, QUERY_SCHEMA);
  const compiled = await compileQuery(query, compileContext(world, options.caller ?? 'alice'));
  let qb = world.storage.db
    .selectFrom('records as r')
    .select('r.id')
    .where('r.domainId', '=', world.domainId)
    .where('r.appId', '=', world.appId);
  if (compiled.where) qb = qb.where(compiled.where);
  for (const o of compiled.orderBy) qb = qb.orderBy(o.sql, o.direction);
  const rows = await qb.limit(compiled.limit).offset(compiled.offset).execute();
  return rows.map((r) => Number(r.id));
}
