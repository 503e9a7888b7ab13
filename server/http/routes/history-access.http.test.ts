// Record history and permissions: nobody learns anything of a field or record they may not see
// (spec/security.md R10), tokens act by their flags; and the app switch that deletes it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Json, type Version, type World, everyone, historyKit } from '../../../test/support/history.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());
  const { world, call, ok, add, edit, get, history, versions, revert, changed, storedVersions } = historyKit(() => h);

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
