// MyPage's date comparisons (a DATE or DATETIME field on, before or after the visitor's date) and
// "contains" (a text containing the visitor's value, a multi-choice or user selection including
// it), as hostile visitors try them: whatever the attribute holds — empty, NUL, not a day,
// query-language or LIKE metacharacters — a visitor never sees a record whose match fails, the
// `%` and `_` of a value are themselves, and the fixed filter still holds (P4, P10).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { register, signInFromOutbox, titles } from '../../../test/support/public-visitors.js';
import { setViewPlan } from '../../../test/support/public-views.js';

const PREVIEW = '/v1/public-view/preview.json';
const HOSTILE = ['', ' ', '%', '_', '%%', '\\', '"', "'", '") or ("1" = "1', "' OR '1'='1", '*', '.*', '\u0000', 'A\ud800', 'x'.repeat(1_000), 'LOGINUSER()', 'TODAY()', '2026-04-01" or "1"="1', '2026-02-30', '2026-4-1', '20260401', '2026-04-01T00:00:00Z', ' 2026-04-01', '0999-01-01', '-'];
const option = (...names: string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));
const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: 'Code' },
  notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: 'Notes' },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: option('red', 'blue', 'green') },
  staff: { type: 'USER_SELECT', code: 'staff', label: 'Staff' },
  due: { type: 'DATE', code: 'due', label: 'Due' },
  starts: { type: 'DATETIME', code: 'starts', label: 'Starts' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  visibility: { type: 'DROP_DOWN', code: 'visibility', label: 'Visibility', options: option('shown', 'withheld') },
};
const LIST = { fields: ['title', 'due'], filter: 'visibility in ("shown")', sort: [{ field: 'title', order: 'asc' }] };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  /** R1, R2, R3 shown; H1 withheld by the fixed filter though it matches much of what R1 does. */
  async function world() {
    const d = await newDomain(h);
    await setViewPlan(d, 'premium');
    const app = await deployedApp(d, FIELDS);
    const rec = (title: string, code: string, notes: string, tags: string[], staff: string[], due: string, starts: string, visibility = 'shown') => ({
      title: { value: title },
      code: { value: code },
      notes: { value: notes },
      tags: { value: tags },
      staff: { value: staff.map((c) => ({ code: c })) },
      due: { value: due },
      starts: { value: starts },
      amount: { value: '1' },
      visibility: { value: visibility },
    });
    const res = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.admin,
      payload: {
        app,
        records: [
          // 14:30Z is 23:30 on 1 May in Tokyo (the creator's zone); 15:30Z is already 2 May there.
          rec('R1 Spring 50% off', 'C1', 'line one\nrenovation_plan', ['red', 'blue'], ['member'], '2026-04-01', '2026-05-01T14:30:00Z'),
          rec('R2 a_b corner', 'C2', 'plain', ['blue'], [], '2026-05-15', '2026-05-01T15:30:00Z'),
          rec('R3 other', 'C3', '', [], ['admin'], '2026-06-30', '2026-07-01T00:00:00Z'),
          rec('H1 Spring hidden 50% a_b', 'C1', 'renovation_plan', ['red', 'blue'], ['member', 'admin'], '2026-04-01', '2026-05-01T14:30:00Z', 'withheld'),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { d, app };
  }

  type World = Awaited<ReturnType<typeof world>>;
  async function view(w: World, match: unknown[]) {
    const res = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'Mine', kind: 'myPage', settings: { ...LIST, match } } });
    expect(res.statusCode, res.body).toBe(200);
    const pub = await w.d.request({ method: 'POST', url: '/v1/public-view/publish.json', as: w.d.admin, payload: { id: res.json().view.id, published: true } });
    expect(pub.statusCode, pub.body).toBe(200);
    return { id: res.json().view.id as string, path: res.json().path as string };
  }

  /** The first word of each title the view's reader shows a visitor with these attributes. */
  async function seen(w: World, id: string, match: unknown[], attributes: Record<string, string>): Promise<string[]> {
    const res = await w.d.request({ method: 'POST', url: PREVIEW, as: w.d.admin, payload: { app: w.app, id, kind: 'myPage', settings: { ...LIST, match }, as: { email: 'someone@example.com', attributes } } });
    expect(res.statusCode, `${JSON.stringify([match, attributes])} ${res.body}`).toBe(200);
    return (res.json().data.records as Array<{ values: { title: { value: string } } }>).map((r) => r.values.title.value.split(' ')[0]!);
  }

  it('shows a visitor the records dated on, before or after their date, a date-time by the creator\'s days', async () => {
    const w = await world();
    const due = (op: string) => [{ field: 'due', attribute: 'since', op }];
    const starts = (op: string) => [{ field: 'starts', attribute: 'since', op }];
    const { id, path } = await view(w, due('after'));
    expect(await seen(w, id, due('on'), { since: '2026-04-01' })).toEqual(['R1']);
    expect(await seen(w, id, due('before'), { since: '2026-05-15' })).toEqual(['R1']);
    expect(await seen(w, id, due('after'), { since: '2026-05-15' })).toEqual(['R3']);
    expect(await seen(w, id, due('after'), { since: '2026-03-31' })).toEqual(['R1', 'R2', 'R3']);
    expect(await seen(w, id, starts('on'), { since: '2026-05-01' })).toEqual(['R1']);
    expect(await seen(w, id, starts('on'), { since: '2026-05-02' })).toEqual(['R2']);
    expect(await seen(w, id, starts('before'), { since: '2026-05-02' })).toEqual(['R1']);
    expect(await seen(w, id, starts('after'), { since: '2026-05-01' })).toEqual(['R2', 'R3']);
    // A signed-in visitor gets the same, by list and by detail page.
    await register({ ...w, ids: {} }, id, [{ email: 'ann@example.com', attributes: { since: '2026-05-01' } }]);
    const ann = await signInFromOutbox(h, { ...w, ids: {} }, path, 'ann@example.com');
    const list = await w.d.request({ method: 'GET', url: `${path}/data.json`, cookies: ann });
    expect(titles(list).map((t) => t.split(' ')[0])).toEqual(['R2', 'R3']);
    const r1 = (await w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}&query=${encodeURIComponent('code = "C1" and visibility in ("shown")')}`, as: w.d.admin })).json().records[0].$id.value;
    expectErrorBody(await w.d.request({ method: 'GET', url: `${path}/records/${r1}.json`, cookies: ann }), 404, 'CB_PV05');
  });

  it('shows a visitor the records whose text contains their value, `%` and `_` as themselves, or whose selection includes it', async () => {
    const w = await world();
    const on = (field: string) => [{ field, attribute: 'v', op: 'contains' }];
    const { id } = await view(w, on('title'));
    expect(await seen(w, id, on('title'), { v: 'spring' })).toEqual(['R1']);
    expect(await seen(w, id, on('title'), { v: '50%' })).toEqual(['R1']);
    expect(await seen(w, id, on('title'), { v: '%' })).toEqual(['R1']);
    expect(await seen(w, id, on('title'), { v: '_' })).toEqual(['R2']);
    expect(await seen(w, id, on('title'), { v: 'a_b' })).toEqual(['R2']);
    for (const v of ['5_%', '%%', 'a%b', '\\', 'R1%R2']) expect([v, await seen(w, id, on('title'), { v })]).toEqual([v, []]);
    expect(await seen(w, id, on('notes'), { v: 'renovation_plan' })).toEqual(['R1']);
    expect(await seen(w, id, on('notes'), { v: 'renovation%plan' })).toEqual([]);
    expect(await seen(w, id, on('tags'), { v: 'red' })).toEqual(['R1']);
    expect(await seen(w, id, on('tags'), { v: 'blue' })).toEqual(['R1', 'R2']);
    expect(await seen(w, id, on('tags'), { v: 'green' })).toEqual([]);
    expect(await seen(w, id, on('staff'), { v: 'member' })).toEqual(['R1']);
    expect(await seen(w, id, on('staff'), { v: 'admin' })).toEqual(['R3']);
    // Both must hold.
    expect(await seen(w, id, [...on('tags'), { field: 'due', attribute: 'since', op: 'after' }], { v: 'blue', since: '2026-04-01' })).toEqual(['R2']);
  });

  it('never matches a hostile, empty or missing value, whatever the new comparison', async () => {
    const w = await world();
    const { id } = await view(w, [{ field: 'code', attribute: 'v', op: 'contains' }]);
    for (const [field, op] of [['code', 'contains'], ['tags', 'contains'], ['staff', 'contains'], ['due', 'on'], ['due', 'before'], ['due', 'after'], ['starts', 'on'], ['starts', 'before'], ['starts', 'after']] as const) {
      const match = [{ field, attribute: 'v', op }];
      for (const v of HOSTILE) expect([field, op, v, await seen(w, id, match, { v })]).toEqual([field, op, v, []]);
      expect([field, op, await seen(w, id, match, {})]).toEqual([field, op, []]);
    }
  }, 180_000);

  it('is checked when saved: dates on date fields, "contains" on text and selections, never on the address', async () => {
    const w = await world();
    const make = (match: unknown) => w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'x', kind: 'myPage', settings: { ...LIST, match } } });
    for (const match of [
      { field: 'title', attribute: 'v', op: 'on' },
      { field: 'amount', attribute: 'v', op: 'before' },
      { field: 'tags', attribute: 'v', op: 'after' },
      { field: 'amount', attribute: 'v', op: 'contains' },
      { field: 'due', attribute: 'v', op: 'contains' },
      { field: 'visibility', attribute: 'v', op: 'contains' },
      { field: 'title', attribute: 'email', op: 'contains' },
      { field: 'due', attribute: 'email', op: 'on' },
    ]) {
      expectErrorBody(await make([match]), 400, 'CB_PV38');
    }
    const ok = await make([{ field: 'due', attribute: 'since', op: 'on' }, { field: 'starts', attribute: 'since', op: 'after' }, { field: 'notes', attribute: 'v', op: 'contains' }, { field: 'staff', attribute: 'me', op: 'contains' }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().view.settings.match.map((m: { op: string }) => m.op)).toEqual(['on', 'after', 'contains', 'contains']);
  });
});
