// What the public-views benchmark serves: a domain on the Enterprise view plan, the records
// benchmark's app (~20 fields) with N records, a published list view with search and detail
// pages, and four more views a dashboard shows together. The app and the views are made through
// the API, as a manager would; the records go in through the domain layer in this process
// (addRecords: the same rows, search index and id sequence as POST records.json, without
// 100,000 HTTP calls).
import { sql } from 'kysely';
import { SERVED_KINDS } from '../../common/api/public-views.js';
import { type Services, inTransaction } from '../../server/domain/context.js';
import { addRecords } from '../../server/domain/records/add-records.js';
import { updateRecords } from '../../server/domain/records/update-records.js';
import type { UserActor } from '../../server/policy/actor.js';
import { openDatabase, withoutReadThreads } from '../../server/storage/db.js';
import { FIELDS, USER_CODES, makeRecord } from '../records/data.js';
import { type ServerProcess, ADMIN, api } from './server.js';

export interface View {
  id: string;
  title: string;
  token: string;
  path: string;
}

export interface World {
  app: number;
  list: View;
  /** The dashboard's requests: its one answer when the server serves the kind, else four views asked together. */
  dashboard: string[];
  dashboardKind: 'dashboard' | 'four views';
  /** Ids of records inside the list view's filter (for detail pages). */
  shownIds: number[];
  /** Changes a record without the server's knowledge (another instance, no shared bus). */
  editBehindTheBus(id: number, title: string): Promise<void>;
  close(): Promise<void>;
}

const CONTRACT = { course: 'wide', term: 'monthly', userLicences: 100, startDate: '2026-04-01', viewPlan: 'enterprise' };
export const LIST_FILTER = 'category in ("a", "b")';

async function createApp(server: ServerProcess): Promise<number> {
  await api(server, 'PUT', '/v1/licences/contract.json', CONTRACT);
  await api(server, 'POST', '/v1/users.json', {
    users: USER_CODES.map((code, i) => ({ code, name: `スタッフ${i + 1}`, email: `${code}@example.com`, password: `${code} password` })),
  });
  const { app } = await api<{ app: string }>(server, 'POST', '/k/v1/preview/app.json', { name: '公開ビュー ベンチマーク' });
  await api(server, 'POST', '/k/v1/preview/app/form/fields.json', { app, properties: FIELDS });
  await api(server, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
  for (;;) {
    const status = await api<{ apps: Array<{ status: string }> }>(server, 'GET', `/k/v1/preview/app/deploy.json?apps[0]=${app}`);
    if (status.apps[0]?.status === 'SUCCESS') return Number(app);
    if (status.apps[0]?.status !== 'PROCESSING') throw new Error(`deploy ended in ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function createView(server: ServerProcess, app: number, title: string, settings: Record<string, unknown>, kind = 'list'): Promise<View> {
  const made = await api<{ view: { id: string }; token: string; path: string }>(server, 'POST', '/v1/public-views.json', { app, kind, title, settings });
  await api(server, 'POST', '/v1/public-view/publish.json', { id: made.view.id, published: true });
  return { id: made.view.id, title, token: made.token, path: made.path };
}

/**
 * A view of kind `dashboard` holding the four, where the server serves one (the kind is being
 * built alongside); otherwise the four views' answers, asked together as a dashboard page would.
 */
async function dashboardOf(server: ServerProcess, app: number, four: View[]): Promise<{ dashboard: string[]; dashboardKind: World['dashboardKind'] }> {
  const fallback = { dashboard: four.map((v) => `${v.path}/data.json`), dashboardKind: 'four views' as const };
  if (!SERVED_KINDS.has('dashboard')) return fallback;
  try {
    const items = four.map((v, i) => ({ type: 'view', view: v.id, x: (i % 2) * 6, y: Math.floor(i / 2) * 4, w: 6, h: 4 }));
    const view = await createView(server, app, 'ダッシュボード', { dashboard: { items } }, 'dashboard');
    const probe = await fetch(`${server.url}${view.path}/dashboard.json`, { headers: { 'x-forwarded-for': '192.0.2.2' } });
    await probe.arrayBuffer();
    if (probe.status === 200) return { dashboard: [`${view.path}/dashboard.json`], dashboardKind: 'dashboard' };
  } catch {
    // Not served yet on this tree: fall back.
  }
  return fallback;
}

export async function buildWorld(server: ServerProcess, records: number, log: (line: string) => void): Promise<World> {
  const app = await createApp(server);
  const storage = openDatabase(withoutReadThreads(server.config.database));
  const services: Services = { db: storage.db, ids: storage.ids, dialect: storage.kind, clock: () => new Date(), config: server.config, onMailQueued: () => {} };
  const admin = await storage.db.selectFrom('users').select(['id', 'domainId']).where('code', '=', ADMIN.login).executeTakeFirstOrThrow();
  const actor: UserActor = { kind: 'user', domainId: admin.domainId, userId: Number(admin.id), code: ADMIN.login, name: ADMIN.login, isAdmin: true, locale: 'en', via: 'password' };
  const base = { actor, locale: 'en' as const, request: { ip: null, userAgent: null, requestId: null } };

  const started = performance.now();
  const CHUNK = 2_000;
  for (let from = 0; from < records; from += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, records - from) }, (_, i) => makeRecord(from + i));
    await inTransaction(services, base, (ctx) => addRecords(ctx, app, batch, (i) => `records[${i}]`));
    if ((from + CHUNK) % 20_000 === 0) log(`  ${from + CHUNK} records`);
  }
  log(`seeded ${records} records through addRecords in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // PostgreSQL: statistics, as autovacuum would gather them soon after a load this size.
  if (storage.kind === 'postgres') await sql`analyze`.execute(storage.db);

  const list = await createView(server, app, '案件一覧', {
    fields: ['code', 'title', 'customer', 'category', 'price', 'due_date'],
    detail: { fields: ['code', 'title', 'customer', 'contact', 'category', 'price', 'qty', 'amount', 'start_date', 'due_date', 'notes'] },
    filter: LIST_FILTER,
    sort: [{ field: 'due_date', order: 'desc' }],
    pageSize: 20,
    search: true,
  });
  const panels = [
    ['分類 c の高額案件', { fields: ['code', 'title', 'price'], filter: 'category in ("c")', sort: [{ field: 'price', order: 'desc' }], pageSize: 10 }],
    ['番号 900 以上', { fields: ['code', 'title', 'num'], filter: 'num >= 900', pageSize: 10 }],
    ['最近の案件', { fields: ['code', 'title', 'start_date'], pageSize: 5 }],
    ['営業タグ', { fields: ['code', 'title', 'tags'], filter: 'tags in ("営業")', sort: [{ field: 'start_date', order: 'desc' }], pageSize: 10 }],
  ] as const;
  const four: View[] = [];
  for (const [title, settings] of panels) four.push(await createView(server, app, title, settings as unknown as Record<string, unknown>));
  const { dashboard, dashboardKind } = await dashboardOf(server, app, four);
  const shown = await api<{ records: Array<{ $id: { value: string } }> }>(
    server,
    'GET',
    `/k/v1/records.json?app=${app}&fields[0]=$id&query=${encodeURIComponent(`${LIST_FILTER} order by $id asc limit 500`)}`,
  );
  return {
    app,
    list,
    dashboard,
    dashboardKind,
    shownIds: shown.records.map((r) => Number(r.$id.value)),
    editBehindTheBus: async (id, title) => {
      await inTransaction(services, base, (ctx) => updateRecords(ctx, app, [{ id, record: { title: { value: title } } }], { upsert: false, prefix: () => 'record' }));
    },
    close: () => storage.close(),
  };
}
