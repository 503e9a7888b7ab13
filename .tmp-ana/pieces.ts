// throwaway: where the non-SQL time of the filtered list goes (PostgreSQL kept schema)
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { listRecords, compile, selectRecords } from '../server/domain/records/list-records.js';
import { presentRecords } from '../server/domain/records/present.js';
import { recordSchema } from '../server/domain/records/schema.js';
import { parseAndCheck } from '../server/domain/records/query.js';
import { loadConfig } from '../server/config.js';
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/engawa_bench', options: '-c search_path=engawa_bench_records' });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
const domain = (await sql<{ id: string }>`select id from domains limit 1`.execute(db)).rows[0]!.id;
const ctx: any = { actor: { kind: 'user', domainId: domain, userId: 1, code: 'admin', name: 'admin', isAdmin: true, locale: 'en', via: 'password' }, db, dialect: 'postgres', now: new Date(), locale: 'en', request: {}, config: loadConfig({ LOG_LEVEL: 'silent' }), afterCommit: (f: () => void) => f(), wake: { mail() {} } };
const q = 'num > 500 and category in ("a","b") order by $id desc limit 100';
async function time(name: string, n: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(name.padEnd(50), ((performance.now() - t0) / n).toFixed(3), 'ms');
}
const schema = await recordSchema(ctx, 1);
const compiled = await compile(ctx, schema, parseAndCheck(q, schema));
const rows = await selectRecords(ctx, schema, compiled, { limit: 100, offset: 0 });
const result = await listRecords(ctx, 1, { query: q, totalCount: false });
const body = JSON.stringify(result);
console.log('response bytes', body.length, 'per record', Math.round(body.length / 100));
const raw = await pool.query(`select data::text as t from engawa_bench_records.records order by id desc limit 100`);
const texts = raw.rows.map((r: any) => r.t as string);
console.log('stored data bytes per record', Math.round(texts.reduce((n: number, t: string) => n + t.length, 0) / 100));
await time('listRecords (all of it)', 300, () => listRecords(ctx, 1, { query: q, totalCount: false }));
await time('recordSchema (apps + app_definitions)', 300, () => recordSchema(ctx, 1));
await time('parseAndCheck + compile (incl. writerOf query)', 300, async () => compile(ctx, schema, parseAndCheck(q, schema)));
await time('selectRecords (SQL + row mapping)', 300, () => selectRecords(ctx, schema, compiled, { limit: 100, offset: 0 }));
await time('presentRecords (100 records, 2 user queries)', 300, () => presentRecords(ctx, schema, rows));
await time('JSON.stringify of the answer', 300, () => JSON.stringify(result));
await time('JSON.parse of 100 stored data documents', 300, () => texts.map((t: string) => JSON.parse(t)));
await db.destroy();
