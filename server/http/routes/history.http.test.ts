// Record history (record/history.json, record/history/revert.json): the versions edits, status
// changes and reverts leave, the gaps of saves that change nothing, reverting through the
// ordinary update path, the app switch that deletes it all, and that nobody learns anything of
// a field or record they may not see (spec/security.md R10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { download, upload } from '../../../test/support/files.js';

const FIELDS = {
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

type Json = Record<string, any>;
interface Change {
  code: string;
  type: string;
  before: unknown;
  after: unknown;
}
interface Version {
  revision: string;
  modifier: { code: string; name: string } | null;
  updatedAt: string | null;
  kind: string;
  changes: Change[];
}

const everyone = { type: 'GROUP', code: 'everyone' };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    carol: Persona;
  }

  async function world(): Promise<World> {
    const d = await newDomain(h);
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
    h.clock.advance(60_000);
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
  const storedVersions = async (d: TestDomain) => (await h.services.db.selectFrom('recordVersions').select(['recordId', 'revision']).where('domainId', '=', d.id).execute()).length;

  describe('record history', () => {
    it('keeps a version per change, newest first, with who, when and each changed field before and after', async () => {
      const w = await world();
      const created = h.clock.now();
      const id = await add(w, { title: { value: 'A' }, price: { value: '100' }, qty: { value: '2' }, owner: { value: [{ code: 'carol' }] } });
      // Never changed: the record is its own first version.
      expect((await versions(w, id)).map((v) => [v.revision, v.kind])).toEqual([['1', 'ADD']]);
      expect(await edit(w, id, { title: { value: 'B' } }, w.d.admin)).toBe(2);
      const edited = h.clock.now();
      expect(await edit(w, id, { price: { value: '150' } })).toBe(3);

      const list = await versions(w, id);
      expect(list.map((v) => [v.revision, v.kind, v.modifier?.code])).toEqual([
        ['3', 'EDIT', 'member'],
        ['2', 'EDIT', 'admin'],
        ['1', 'ADD', 'member'],
      ]);
      expect(list[1]!.updatedAt).toBe(edited.toISOString().replace('.000Z', 'Z'));
      expect(list[2]!.updatedAt).toBe(created.toISOString().replace('.000Z', 'Z'));
      expect(list[1]!.modifier).toEqual({ code: 'admin', name: 'admin' });
      // A formula's new value is a change of that version too.
      expect(list[0]!.changes).toEqual([
        { code: 'price', type: 'NUMBER', before: '100', after: '150' },
        { code: 'total', type: 'CALC', before: '200', after: '300' },
      ]);
      expect(list[1]!.changes).toEqual([{ code: 'title', type: 'SINGLE_LINE_TEXT', before: 'A', after: 'B' }]);
      // The creation lists what it gave a value, from empty, in kintone's record JSON.
      expect(list[2]!.changes).toEqual([
        { code: 'title', type: 'SINGLE_LINE_TEXT', before: '', after: 'A' },
        { code: 'price', type: 'NUMBER', before: '', after: '100' },
        { code: 'qty', type: 'NUMBER', before: '', after: '2' },
        { code: 'total', type: 'CALC', before: '', after: '200' },
        { code: 'owner', type: 'USER_SELECT', before: [], after: [{ code: 'carol', name: 'carol' }] },
      ]);
    });

    it('leaves a gap for a save that changes nothing, which still counts a revision', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'A' }, price: { value: '1' } });
      // The first save, by someone else, keeps the creation as it was: by member.
      expect(await edit(w, id, { title: { value: 'A' }, price: { value: '1.0' } }, w.d.admin)).toBe(2);
      expect((await versions(w, id)).map((v) => [v.revision, v.kind, v.modifier?.code])).toEqual([['1', 'ADD', 'member']]);
      expect(await edit(w, id, { title: { value: 'B' } }, w.d.admin)).toBe(3);
      expect(await edit(w, id, {})).toBe(4);
      expect((await versions(w, id)).map((v) => [v.revision, changed(v)])).toEqual([
        ['3', ['title']],
        ['1', ['title', 'price', 'total']],
      ]);
    });

    it('records table changes as the whole table before and after, and bulk writes per record', async () => {
      const w = await world();
      const [a, b] = (
        await ok(
          call(w, w.d.member, 'POST', '/k/v1/records.json', {
            app: w.app,
            records: [{ title: { value: 'A' }, items: { value: [{ value: { item: { value: 'pen' }, n: { value: '1' } } }] } }, { title: { value: 'B' } }],
          }),
        )
      ).ids.map(Number);
      // Adding records writes no history at all.
      expect(await storedVersions(w.d)).toBe(0);
      const row = (await get(w, a!)).items.value[0];
      await ok(
        call(w, w.d.member, 'PUT', '/k/v1/records.json', {
          app: w.app,
          records: [
            { id: a, record: { items: { value: [{ id: row.id, value: { n: { value: '2' } } }, { value: { item: { value: 'ink' }, n: { value: '5' } } }] } } },
            { id: b, record: { note: { value: 'x' } } },
          ],
        }),
      );
      const [latest] = await versions(w, a!);
      const rows = (await get(w, a!)).items.value;
      expect(latest!.changes).toEqual([
        {
          code: 'items',
          type: 'SUBTABLE',
          before: [{ id: row.id, value: { item: { type: 'SINGLE_LINE_TEXT', value: 'pen' }, n: { type: 'NUMBER', value: '1' } } }],
          after: rows,
        },
      ]);
      expect(rows).toHaveLength(2);
      expect((await versions(w, b!)).map((v) => [v.revision, v.kind, changed(v)])).toEqual([
        ['2', 'EDIT', ['note']],
        ['1', 'ADD', ['title', 'total']],
      ]);
    });

    it('reverts to a version through the ordinary update path, recorded as a REVERT', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'A' }, price: { value: '100' }, qty: { value: '2' }, items: { value: [{ value: { item: { value: 'pen' }, n: { value: '1' } } }] } });
      await edit(w, id, { title: { value: 'B' }, price: { value: '150' }, items: { value: [] } });
      await edit(w, id, { qty: { value: '3' } });

      // A stale current revision, or a version that does not exist, change nothing.
      const stale = await revert(w, id, 1, w.d.member, { currentRevision: 2 });
      expect([stale.status, stale.json.code]).toEqual([409, 'GAIA_CO02']);
      const missing = await revert(w, id, 7);
      expect([missing.status, missing.json.code, Object.keys(missing.json.errors)]).toEqual([400, 'CB_VA01', ['revision']]);
      expect((await get(w, id)).$revision.value).toBe('3');

      h.clock.advance(60_000);
      const back = await ok(revert(w, id, 1, w.d.admin, { currentRevision: 3 }));
      expect(back).toEqual({ revision: '4' });
      const r = await get(w, id);
      expect([r.title.value, r.price.value, r.qty.value, r.total.value, r.Updated_by.value.code]).toEqual(['A', '100', '2', '200', 'admin']);
      expect(r.items.value.map((x: Json) => [x.value.item.value, x.value.n.value])).toEqual([['pen', '1']]);
      // The table's rows come back as new rows; search finds the reverted text.
      const found = await ok(call(w, w.d.member, 'GET', `/k/v1/records.json?app=${w.app}&query=${encodeURIComponent('title like "A"')}`));
      expect(found.records.map((x: Json) => x.$id.value)).toEqual([String(id)]);

      const [latest] = await versions(w, id);
      expect([latest!.revision, latest!.kind, latest!.modifier?.code]).toEqual(['4', 'REVERT', 'admin']);
      expect(latest!.changes.map((c) => [c.code, c.before, c.code === 'items' ? (c.after as unknown[]).length : c.after])).toEqual([
        ['title', 'B', 'A'],
        ['price', '150', '100'],
        ['qty', '3', '2'],
        ['total', '450', '200'],
        ['items', [], 1],
      ]);
      // Going back to where the record already is changes nothing: a save with no version.
      expect(await ok(revert(w, id, 4))).toEqual({ revision: '5' });
      expect((await versions(w, id)).map((v) => v.revision)).toEqual(['4', '3', '2', '1']);
    });

    it('keeps files the record still holds through a revert; a file removed from it is gone', async () => {
      const w = await world();
      const key = async (name: string) => (await upload(w.d, w.d.member, { name, type: 'text/plain', data: name })).json().fileKey as string;
      const id = await add(w, { title: { value: 'A' }, docs: { value: [{ fileKey: await key('a.txt') }] } });
      const [a] = (await get(w, id)).docs.value;
      await edit(w, id, { docs: { value: [{ fileKey: a.fileKey }, { fileKey: await key('b.txt') }] } });
      const [, b] = (await get(w, id)).docs.value;
      await edit(w, id, { title: { value: 'C' }, docs: { value: [{ fileKey: b.fileKey }] } });
      expect((await download(w.d, w.d.member, a.fileKey)).statusCode).toBe(404);
      const [, second] = await versions(w, id);
      expect(second!.changes).toEqual([{ code: 'docs', type: 'FILE', before: [a], after: [a, b] }]);
      await ok(revert(w, id, 2));
      const r = await get(w, id);
      expect([r.title.value, r.docs.value]).toEqual(['A', [b]]);
      expect((await download(w.d, w.d.member, b.fileKey)).statusCode).toBe(200);
    });

    it('counts status actions and assignee changes as STATUS versions', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS, { as: d.admin });
      const w: World = { d, app, carol: await d.addUser('carol') };
      const flow = {
        app,
        enable: true,
        states: {
          Open: { name: 'Open', index: 0, assignee: { type: 'ONE', entities: [] } },
          Done: { name: 'Done', index: 1, assignee: { type: 'ONE', entities: [] } },
        },
        actions: [{ name: 'Finish', from: 'Open', to: 'Done' }],
      };
      await ok(call(w, d.admin, 'PUT', '/k/v1/preview/app/status.json', flow));
      await ok(call(w, d.admin, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] }));
      const id = await add(w, { title: { value: 'A' } });
      await ok(call(w, d.admin, 'PUT', '/k/v1/record/assignees.json', { app, id, assignees: ['carol'] }));
      await ok(call(w, w.carol, 'PUT', '/k/v1/record/status.json', { app, id, action: 'Finish' }));
      const list = await versions(w, id);
      expect(list.map((v) => [v.revision, v.kind, v.modifier?.code, changed(v)])).toEqual([
        ['4', 'STATUS', 'carol', ['Status', 'Assignee']],
        ['2', 'STATUS', 'admin', ['Assignee']],
        ['1', 'ADD', 'member', ['Status', 'title', 'total']],
      ]);
      expect(list[0]!.changes[0]).toEqual({ code: 'Status', type: 'STATUS', before: 'Open', after: 'Done' });
      // A revert leaves the status where the actions put it.
      await ok(revert(w, id, 1, d.admin));
      expect((await get(w, id)).Status.value).toBe('Done');
    });

    it('pages through versions, newest first', async () => {
      const w = await world();
      const id = await add(w, { price: { value: '0' } });
      for (let i = 1; i <= 25; i++) await edit(w, id, { price: { value: String(i) } });
      const first = await ok(history(w, id));
      expect(first.versions.map((v: Version) => v.revision)).toEqual(Array.from({ length: 20 }, (_, i) => String(26 - i)));
      expect(first.older).toBe(true);
      const rest = await ok(history(w, id, w.d.member, '&offset=20&limit=100'));
      expect(rest.versions.map((v: Version) => v.revision)).toEqual(['6', '5', '4', '3', '2', '1']);
      expect(rest.older).toBe(false);
      const small = await ok(history(w, id, w.d.member, '&offset=3&limit=2'));
      expect([small.versions.map((v: Version) => v.revision), small.older]).toEqual([['23', '22'], true]);
      for (const bad of ['&limit=101', '&limit=0', '&offset=-1']) expect((await history(w, id, w.d.member, bad)).status, bad).toBe(400);
    });
  });

  describe('who sees what', () => {
    /** salary and the modifier: member only; note: member writes, everyone reads. */
    async function guarded(): Promise<World & { id: number }> {
      const w = await world();
      const id = await add(w, { title: { value: 'A' }, salary: { value: '700001' }, note: { value: 'n1' } });
      const acl = {
        app: w.app,
        rights: [
          { code: 'salary', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] },
          { code: 'note', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'READ', entity: everyone }] },
          { code: 'Updated_by', entities: [{ accessibility: 'READ', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] },
        ],
      };
      await ok(call(w, w.d.member, 'PUT', '/k/v1/field/acl.json', acl));
      await edit(w, id, { salary: { value: '700002' } }); // 2: salary only
      await edit(w, id, { title: { value: 'B' }, salary: { value: '700003' } }); // 3: both
      await edit(w, id, { note: { value: 'n2' } }); // 4: note
      return { ...w, id };
    }

    it('leaves no trace of fields one may not see, and no version whose changes are all hidden (R10)', async () => {
      const w = await guarded();
      expect((await versions(w, w.id)).map((v) => [v.revision, changed(v)])).toEqual([
        ['4', ['note']],
        ['3', ['title', 'salary']],
        ['2', ['salary']],
        ['1', ['title', 'total', 'salary', 'note']],
      ]);
      const res = await history(w, w.id, w.carol);
      expect(res.status, res.body).toBe(200);
      // Who saved a version is the modifier field of that revision: hidden from her too.
      expect((res.json.versions as Version[]).map((v) => [v.revision, changed(v), v.modifier?.code ?? null])).toEqual([
        ['4', ['note'], null],
        ['3', ['title'], null],
        ['1', ['title', 'total', 'note'], 'member'],
      ]);
      expect(res.body).not.toContain('salary');
      expect(res.body).not.toContain('70000');
    });

    it('reverts only what one may see, and refuses a revert that would change a field one may only read', async () => {
      const w = await guarded();
      // Back to 3 for carol: the title stays B, the note would go back to n1, which she may only read.
      const refused = await revert(w, w.id, 3, w.carol);
      expect([refused.status, refused.json.code]).toEqual([403, 'CB_NO02']);
      expect(refused.body).not.toContain('n1');
      expect((await get(w, w.id)).$revision.value).toBe('4');
      // Version 2 is not carol's to name: it changed only what she cannot see.
      expect((await revert(w, w.id, 2, w.carol)).status).toBe(400);
      // Once she may write the note, going back to the creation leaves the salary alone.
      await ok(
        call(w, w.d.member, 'PUT', '/k/v1/field/acl.json', {
          app: w.app,
          rights: [{ code: 'salary', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] }],
        }),
      );
      await ok(revert(w, w.id, 1, w.carol));
      const r = await get(w, w.id);
      expect([r.title.value, r.note.value, r.salary.value]).toEqual(['A', 'n1', '700003']);
      const [latest] = await versions(w, w.id, w.carol);
      expect([latest!.kind, changed(latest!)]).toEqual(['REVERT', ['title', 'note']]);
    });

    it('answers a record outside the caller’s scope as missing, and refuses reverts without the edit right', async () => {
      const w = await world();
      const mine = await add(w, { title: { value: 'private' } });
      const shared = await add(w, { title: { value: 'shared' } });
      await edit(w, mine, { title: { value: 'private 2' } });
      await edit(w, shared, { title: { value: 'shared 2' } });
      await ok(
        call(w, w.d.member, 'PUT', '/k/v1/record/acl.json', {
          app: w.app,
          rights: [
            { filterCond: 'title like "private"', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true }] },
            { filterCond: '', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true }, { entity: everyone, viewable: true, editable: false, deletable: false }] },
          ],
        }),
      );
      const hidden = await history(w, mine, w.carol);
      const absent = await history(w, 999, w.carol);
      expect([hidden.status, hidden.json.code]).toEqual([404, 'GAIA_RE01']);
      expect(hidden.json.message).toBe(absent.json.message.replace('999', String(mine)));
      const revertHidden = await revert(w, mine, 1, w.carol);
      expect([revertHidden.status, revertHidden.json.code]).toEqual([404, 'GAIA_RE01']);
      // Carol sees the shared record's history, but may not edit it.
      expect((await versions(w, shared, w.carol)).map((v) => v.revision)).toEqual(['2', '1']);
      const refused = await revert(w, shared, 1, w.carol);
      expect([refused.status, refused.json.code]).toEqual([403, 'CB_NO02']);
    });

    it('lets API tokens read with the view flag and revert with the edit flag, as Administrator', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'A' } });
      const token = async (rights: Json) => (await ok(call(w, w.d.member, 'POST', '/k/v1/preview/app/apiToken.json', { app: w.app, rights }))).token as string;
      const viewer = await token({ view: true });
      const editor = await token({ view: true, edit: true });
      await ok(call(w, w.d.member, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app: w.app }] }));
      const withToken = (t: string, method: 'GET' | 'POST', url: string, payload?: Json) => w.d.request({ method, url, headers: { 'x-cybozu-api-token': t }, ...(payload ? { payload } : {}) });
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', headers: { 'x-cybozu-api-token': editor }, payload: { app: w.app, id, record: { title: { value: 'B' } } } });
      const read = await withToken(viewer, 'GET', `/k/v1/record/history.json?app=${w.app}&id=${id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().versions[0].modifier).toEqual({ code: 'Administrator', name: 'Administrator' });
      const refused = await withToken(viewer, 'POST', '/k/v1/record/history/revert.json', { app: w.app, id, revision: 1 });
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'GAIA_NO01']);
      const back = await withToken(editor, 'POST', '/k/v1/record/history/revert.json', { app: w.app, id, revision: 1 });
      expect(back.statusCode, back.body).toBe(200);
      expect((await get(w, id)).title.value).toBe('A');
    });
  });

  describe('keeping and forgetting', () => {
    it('is an app setting, on by default; deploying it off deletes the history and records nothing', async () => {
      const w = await world();
      const settings = async (stage: '' | 'preview/') => (await ok(call(w, w.d.member, 'GET', `/k/v1/${stage}app/settings.json?app=${w.app}`))).enableHistory;
      expect(await settings('')).toBe(true);
      const id = await add(w, { title: { value: 'A' } });
      await edit(w, id, { title: { value: 'B' } });
      await ok(call(w, w.d.member, 'PUT', '/k/v1/preview/app/settings.json', { app: w.app, enableHistory: false }));
      expect([await settings('preview/'), await settings('')]).toEqual([false, true]);
      expect(await versions(w, id)).toHaveLength(2); // not until deployed
      await ok(call(w, w.d.member, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app: w.app }] }));
      expect(await storedVersions(w.d)).toBe(0);
      await edit(w, id, { title: { value: 'C' } });
      expect(await ok(history(w, id))).toEqual({ versions: [], older: false });
      expect(await storedVersions(w.d)).toBe(0);
      const none = await revert(w, id, 1);
      expect([none.status, none.json.code]).toEqual([400, 'CB_VA01']);

      // On again: the history begins with the record as it is, its changes unknown.
      await ok(call(w, w.d.member, 'PUT', '/k/v1/preview/app/settings.json', { app: w.app, enableHistory: true }));
      await ok(call(w, w.d.member, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app: w.app }] }));
      expect((await versions(w, id)).map((v) => [v.revision, v.kind, v.changes])).toEqual([['3', 'EDIT', []]]);
      await edit(w, id, { title: { value: 'D' } });
      expect((await versions(w, id)).map((v) => [v.revision, v.kind, changed(v)])).toEqual([
        ['4', 'EDIT', ['title']],
        ['3', 'EDIT', []],
      ]);
      await ok(revert(w, id, 3));
      expect((await get(w, id)).title.value).toBe('C');
    });

    it('goes with the record when the record is deleted', async () => {
      const w = await world();
      const a = await add(w, { title: { value: 'A' } });
      const b = await add(w, { title: { value: 'B' } });
      await edit(w, a, { title: { value: 'A2' } });
      await edit(w, b, { title: { value: 'B2' } });
      expect(await storedVersions(w.d)).toBe(4);
      await ok(call(w, w.d.member, 'DELETE', `/k/v1/records.json?app=${w.app}&ids[0]=${a}`));
      expect(await storedVersions(w.d)).toBe(2);
      const gone = await history(w, a);
      expect([gone.status, gone.json.code]).toEqual([404, 'GAIA_RE01']);
    });
  });
});
