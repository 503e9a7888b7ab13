// The benchmark's read scenarios: what each asks, as whom, and the record permissions the
// `restricted` one runs under; and the API helper the benchmark talks through.
import { LIKE_WORD } from './data.js';
import type { ScenarioName } from './report.js';
import { ADMIN, type BenchServer } from './server.js';

export const AUTH = Buffer.from(`${ADMIN.login}:${ADMIN.password}`).toString('base64');
const FILTER = 'num > 500 and category in ("a","b") order by $id desc limit 100';
/** The same filter narrowed to one owner's records: what that owner sees under record permissions. */
const FILTER_OWNER = 'num > 500 and category in ("a","b") and owner in ("staff1") order by $id desc limit 100';
const OWNER_AUTH = Buffer.from('staff1:staff1 password').toString('base64');
export const LIKE = `title like "${LIKE_WORD}"`;

export async function api<T>(server: BenchServer, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.url + path, {
    method,
    headers: { 'x-cybozu-authorization': AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export function paths(app: number): Record<ScenarioName, string> {
  const q = (query: string) => `/k/v1/records.json?app=${app}&query=${encodeURIComponent(query)}`;
  return {
    filtered: q(FILTER),
    filteredCount: `${q(FILTER)}&totalCount=true`,
    single: `/k/v1/record.json?app=${app}&id=1`,
    like: q(LIKE),
    // One owner's records: asked for by filter, then (as that owner) left to record permissions.
    owned: q(FILTER_OWNER),
    restricted: q(FILTER),
  };
}

/**
 * Record permissions of the kind "people see the records they are named in": staff1 lists with
 * the plain filter and gets exactly the records `owned` asks for by filter, so the two scenarios
 * return the same records and the difference is what the permissions cost.
 */
export async function withRecordPermissions<T>(server: BenchServer, app: number, on: boolean, fn: () => Promise<T>): Promise<T> {
  if (!on) return fn();
  const put = (rights: unknown[]) => api(server, 'PUT', '/k/v1/record/acl.json', { app, rights });
  await put([{ filterCond: '', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, viewable: true, editable: true, deletable: false }] }]);
  try {
    return await fn();
  } finally {
    await put([]);
  }
}

export const authOf = (name: ScenarioName) => (name === 'restricted' ? OWNER_AUTH : AUTH);

