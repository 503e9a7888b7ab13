// Record history (record/history.json, record/history/revert.json): the versions edits, status
// changes and reverts leave, the gaps of saves that change nothing, reverting through the
// ordinary update path, the app switch that deletes it all, and that nobody learns anything of
// a field or record they may not see (spec/security.md R10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { download, upload } from '../../../test/support/files.js';
import { FIELDS, type Json, type Version, type World, historyKit } from '../../../test/support/history.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());
  const { world, call, ok, add, edit, get, history, versions, revert, changed, storedVersions } = historyKit(() => h);

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
});
