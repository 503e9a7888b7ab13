// Record history tests' world: an app with every kind of field the history shows, and the calls
// the tests make (server/http/routes/history*.http.test.ts).
import { expect } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain } from './app.js';
import { deployedApp } from './apps.js';

export const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  price: { type: 'NUMBER', code: 'price', label: '単価' },
  qty: { type: 'NUMBER', code: 'qty', label: '数量' },
  total: { type: 'CALC', code: 'total', label: '合計', expression: 'price * qty' },
  salary: { type: 'NUMBER', code: 'salary', label: '給与' },
  note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: '備考' },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
  docs: { type: 'FILE', code: 'docs', label: '資料' },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: '明細',
    fields: {
      item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: '品目' },
      n: { type: 'NUMBER', code: 'n', label: '個数' },
    },
  },
};

export type Json = Record<string, any>;
export interface Change {
  code: string;
  type: string;
  before: unknown;
  after: unknown;
}
export interface Version {
  revision: string;
  modifier: { code: string; name: string } | null;
  updatedAt: string | null;
  kind: string;
  changes: Change[];
}

export const everyone = { type: 'GROUP', code: 'everyone' };

export interface World {
  d: TestDomain;
  app: number;
  carol: Persona;
}

/** The calls, on the harness `harness()` gives (its clock moves a minute before each edit). */
export function historyKit(harness: () => Harness) {
  async function world(): Promise<World> {
    const d = await newDomain(harness());
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    return { d, app, carol };
  }

  const call = async (w: World, as: Persona, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) => {
    const res = await w.d.request({ method, url, as, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: res.json() as Json };
  };
  const ok = async (p: ReturnType<typeof call>) => {
    const r = await p;
    expect(r.status, r.body).toBe(200);
    return r.json;
  };
  const add = async (w: World, record: Json, as: Persona = w.d.member) => Number((await ok(call(w, as, 'POST', '/k/v1/record.json', { app: w.app, record }))).id);
  const edit = async (w: World, id: number, record: Json, as: Persona = w.d.member) => {
    harness().clock.advance(60_000);
    return Number((await ok(call(w, as, 'PUT', '/k/v1/record.json', { app: w.app, id, record }))).revision);
  };
  const get = async (w: World, id: number, as: Persona = w.d.member) => (await ok(call(w, as, 'GET', `/k/v1/record.json?app=${w.app}&id=${id}`))).record as Json;
  const history = (w: World, id: number, as: Persona = w.d.member, extra = '') => call(w, as, 'GET', `/k/v1/record/history.json?app=${w.app}&id=${id}${extra}`);
  const versions = async (w: World, id: number, as: Persona = w.d.member, extra = '') => {
    const page = await ok(history(w, id, as, extra));
    return page.versions as Version[];
  };
  const revert = (w: World, id: number, revision: number, as: Persona = w.d.member, extra: Json = {}) =>
    call(w, as, 'POST', '/k/v1/record/history/revert.json', { app: w.app, id, revision, ...extra });
  const changed = (v: Version) => v.changes.map((c) => c.code);
  const storedVersions = async (d: TestDomain) => (await harness().services.db.selectFrom('recordVersions').select(['recordId', 'revision']).where('domainId', '=', d.id).execute()).length;
  return { world, call, ok, add, edit, get, history, versions, revert, changed, storedVersions };
}
