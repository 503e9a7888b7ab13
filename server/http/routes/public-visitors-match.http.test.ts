// MyPage matching beyond equality, as hostile visitors try it: a record's number at most or at
// least the visitor's "level", a record's code starting with the visitor's code. Whatever value
// the visitor's attribute holds — empty, missing, not a number, query-language or LIKE
// metacharacters, another case, look-alike letters — a visitor never sees a record whose match
// fails, by list, detail page or search, and the fixed filter still holds (P4, P10).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { MEMBER_LIST, type MemberWorld, memberView, memberWorld, register, signInFromOutbox, titles } from '../../../test/support/public-visitors.js';

const PREVIEW = '/v1/public-view/preview.json';
/** Values no attribute may use to reach a record it does not match (records: A1, A2, B1; H1 withheld). */
const HOSTILE = ['', ' ', '%', '_', '%%', '\\', '"', "'", '") or ("1" = "1', "' OR '1'='1", '*', '.*', '\u0000', 'A\ud800', 'x'.repeat(1_000), 'NaN', 'Infinity', '1e9', '0x10', '20 or 1=1', '+20', '２０', '-'];

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  async function matchView(match: unknown[], visitors: Array<{ email: string; attributes: Record<string, string> }>) {
    const w = await memberWorld(h);
    const v = await memberView(w, { kind: 'myPage', settings: { ...MEMBER_LIST, match } });
    if (visitors.length > 0) await register(w, v.id, visitors);
    return { w, v };
  }

  /** The titles the view's own reader shows a visitor with these attributes (the manager's preview). */
  async function previewTitles(w: MemberWorld, id: string, match: unknown[], attributes: Record<string, string>): Promise<string[]> {
    const res = await w.d.request({
      method: 'POST',
      url: PREVIEW,
      as: w.d.admin,
      payload: { app: w.app, id, kind: 'myPage', settings: { ...MEMBER_LIST, match }, as: { email: 'someone@example.com', attributes } },
    });
    expect(res.statusCode, `${JSON.stringify([match, attributes])} ${res.body}`).toBe(200);
    return (res.json().data.records as Array<{ values: { title: { value: string } } }>).map((r) => r.values.title.value);
  }

  it('shows a visitor the records whose number is at most (or at least) their level, and nothing for a bad level', async () => {
    const match = [{ field: 'amount', attribute: 'level', op: 'le' }];
    const { w, v } = await matchView(match, [
      { email: 'alice@example.com', attributes: { level: '20' } },
      { email: 'bob@example.com', attributes: { level: '5' } },
      { email: 'carol@example.com', attributes: { level: '20 or 1=1' } },
      { email: 'dave@example.com', attributes: {} },
      { email: 'eve@example.com', attributes: { level: '' } },
    ]);
    const alice = await signInFromOutbox(h, w, v.path, 'alice@example.com');
    const get = (url: string, cookies: Record<string, string>) => w.d.request({ method: 'GET', url: `${v.path}/${url}`, cookies });
    // 10 and 20, never B1 (30) nor H1 (40, outside the fixed filter).
    expect(titles(await get('data.json', alice))).toEqual(['A1', 'A2']);
    expect((await get(`records/${w.ids.A2}.json`, alice)).statusCode).toBe(200);
    for (const id of [w.ids.B1, w.ids.H1]) expectErrorBody(await get(`records/${id}.json`, alice), 404, 'CB_PV05');
    for (const q of ['page=2', 'q=B1', 'level=99', 'attributes.level=99']) expect(titles(await get(`data.json?${q}`, alice))).not.toContain('B1');
    for (const who of ['bob@example.com', 'carol@example.com', 'dave@example.com', 'eve@example.com']) {
      expect([who, titles(await get('data.json', await signInFromOutbox(h, w, v.path, who)))]).toEqual([who, []]);
    }
    // At least: 20 and 30; the withheld 40 stays out.
    expect(await previewTitles(w, v.id, [{ field: 'amount', attribute: 'level', op: 'ge' }], { level: '20' })).toEqual(['A2', 'B1']);
    expect(await previewTitles(w, v.id, match, { level: '99' })).toEqual(['A1', 'A2', 'B1']);
    expect(await previewTitles(w, v.id, match, { level: '-5' })).toEqual([]);
    expect(await previewTitles(w, v.id, match, { level: '20.5' })).toEqual(['A1', 'A2']);
  });

  it('shows a visitor the records whose code starts with theirs, exactly: case, length and metacharacters count', async () => {
    const match = [{ field: 'title', attribute: 'code', op: 'prefix' }];
    const { w, v } = await matchView(match, [
      { email: 'alice@example.com', attributes: { code: 'A' } },
      { email: 'bob@example.com', attributes: { code: 'B1' } },
      { email: 'carol@example.com', attributes: { code: 'a' } },
      { email: 'dave@example.com', attributes: { code: '%' } },
    ]);
    const get = async (who: string) => titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: await signInFromOutbox(h, w, v.path, who) }));
    expect(await get('alice@example.com')).toEqual(['A1', 'A2']);
    expect(await get('bob@example.com')).toEqual(['B1']);
    expect(await get('carol@example.com')).toEqual([]);
    expect(await get('dave@example.com')).toEqual([]);
    const alice = await signInFromOutbox(h, w, v.path, 'alice@example.com');
    expectErrorBody(await w.d.request({ method: 'GET', url: `${v.path}/records/${w.ids.B1}.json`, cookies: alice }), 404, 'CB_PV05');
    // H1 starts with "H" but is outside the fixed filter.
    expect(await previewTitles(w, v.id, match, { code: 'H' })).toEqual([]);
    expect(await previewTitles(w, v.id, match, { code: 'A1' })).toEqual(['A1']);
    for (const code of ['A1X', 'A ', ' A', 'Ａ', 'А', 'A%', 'A_', '_1', '%1', 'a1']) expect([code, await previewTitles(w, v.id, match, { code })]).toEqual([code, []]);
    // Combined with equality: both must hold.
    const both = [...match, { field: 'amount', attribute: 'level', op: 'ge' }];
    expect(await previewTitles(w, v.id, both, { code: 'A', level: '15' })).toEqual(['A2']);
    expect(await previewTitles(w, v.id, both, { code: 'A' })).toEqual([]);
  });

  it('never matches a hostile, empty or missing value, whatever the comparison', async () => {
    const { w, v } = await matchView([{ field: 'owner', attribute: 'email' }], []);
    const matches = [
      [{ field: 'title', attribute: 'code', op: 'prefix' }],
      [{ field: 'owner', attribute: 'code', op: 'prefix' }],
      [{ field: 'amount', attribute: 'code', op: 'le' }],
      [{ field: 'amount', attribute: 'code', op: 'ge' }],
      [{ field: 'team', attribute: 'code', op: 'eq' }],
      [{ field: 'kind', attribute: 'code', op: 'eq' }],
    ];
    for (const match of matches) {
      for (const code of HOSTILE) expect([match[0], code, await previewTitles(w, v.id, match, { code })]).toEqual([match[0], code, []]);
      expect(await previewTitles(w, v.id, match, {})).toEqual([]);
      expect(await previewTitles(w, v.id, match, { other: 'A' })).toEqual([]);
    }
    // The address is the session's: for an address match the attributes play no part.
    expect(await previewTitles(w, v.id, [{ field: 'owner', attribute: 'email' }], { email: 'alice@example.com' })).toEqual([]);
  });

  it('is checked when saved: each comparison on a field of a type that fits it', async () => {
    const w = await memberWorld(h);
    const make = (match: unknown) =>
      w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'x', kind: 'myPage', settings: { ...MEMBER_LIST, match } } });
    for (const match of [
      { field: 'title', attribute: 'level', op: 'le' },
      { field: 'due', attribute: 'level', op: 'ge' },
      { field: 'amount', attribute: 'code', op: 'prefix' },
      { field: 'kind', attribute: 'code', op: 'prefix' },
      { field: 'owner', attribute: 'email', op: 'prefix' },
      { field: 'due', attribute: 'code', op: 'eq' },
    ]) {
      expectErrorBody(await make([match]), 400, 'CB_PV38');
    }
    expectErrorBody(await make([{ field: 'amount', attribute: 'level', op: 'lt' }]), 400, 'CB_VA01');
    const ok = await make([{ field: 'owner', attribute: 'email' }, { field: 'title', attribute: 'code', op: 'prefix' }, { field: 'amount', attribute: 'level', op: 'ge' }, { field: 'amount', attribute: 'cap', op: 'le' }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().view.settings.match).toEqual([
      { field: 'owner', attribute: 'email', op: 'eq' },
      { field: 'title', attribute: 'code', op: 'prefix' },
      { field: 'amount', attribute: 'level', op: 'ge' },
      { field: 'amount', attribute: 'cap', op: 'le' },
    ]);
  });
});
