// throwaway: print the SQL of the benchmark's queries and EXPLAIN ANALYZE them (PostgreSQL kept schema)
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { listRecords } from '../server/domain/records/list-records.js';
import { getRecord } from '../server/domain/records/get-record.js';
import { loadConfig } from '../server/config.js';
const url = 'postgres://postgres@127.0.0.1:5432/engawa_bench';
const pool = new pg.Pool({ connectionString: url, options: '-c search_path=engawa_bench_records' });
const seen: Array<{ sql: string; params: readonly unknown[] }> = [];
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })], log: (e) => { if (e.level === 'query') seen.push({ sql: e.query.sql, params: e.query.parameters }); } });
const domain = (await sql<{ id: string }>`select id from domains limit 1`.execute(db)).rows[0]!.id;
const admin = (await sql<{ id: number }>`select id from users where code = 'admin'`.execute(db)).rows[0]!;
const ctx: any = { actor: { kind: 'user', domainId: domain, userId: Number(admin.id), code: 'admin', name: 'admin', isAdmin: true, locale: 'en', via: 'password' }, db, dialect: 'postgres', now: new Date(), locale: 'en', request: {}, config: loadConfig({ LOG_LEVEL: 'silent' }), afterCommit: (f: () => void) => f(), wake: { mail() {} } };
const mode = process.argv[2] ?? 'filtered';
const q = mode === 'like' ? 'title like "ひまわり"' : 'num > 500 and category in ("a","b") order by $id desc limit 100';
seen.length = 0;
if (mode === 'single') await getRecord(ctx, 1, 500); else await listRecords(ctx, 1, { query: q, totalCount: mode === 'count' });
for (const s of seen) console.log(`-- ${s.sql}\n   ${JSON.stringify(s.params).slice(0, 200)}`);
const main = seen.find((s) => s.sql.includes('from "records" as "r"') && (mode === 'count' ? s.sql.includes('count(') : true)) ?? seen.find((s) => s.sql.includes('"records"'));
if (main) {
  const c = await pool.connect();
  const r = await c.query(`explain (analyze, buffers) ${main.sql}`, main.params as unknown[]);
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
  c.release();
}
await db.destroy();
