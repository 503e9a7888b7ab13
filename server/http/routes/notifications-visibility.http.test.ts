// Notifications are decided when they are read (spec/security.md §2): a notification about an
// app or record the reader can no longer see is gone, from the list and from the counts; a field
// they may not see is never named (probe R10, not even "salary changed"), and a title they may
// not see reads "Record <number>".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  salary: { type: 'NUMBER', code: 'salary', label: 'Salary' },
  kind: {
    type: 'DROP_DOWN',
    code: 'kind',
    label: 'Kind',
    options: { public: { label: 'public', index: '0' }, secret: { label: 'secret', index: '1' } },
  },
};

const everyone = { type: 'GROUP', code: 'everyone' };

interface Note {
  id: string;
  kind: string;
  record: { id: string; number: string; title: string } | null;
  comment: { id: string; text: string } | null;
  fields?: Array<{ code: string; label: string }>;
  summary: string;
}

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
    dave: Persona;
  }

  /** The administrator writes; carol and dave hear of every record added or edited, and of comments. */
  async function world(): Promise<World> {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const dave = await d.addUser('dave');
    const app = await deployedApp(d, FIELDS, { code: 'HR' });
    const notifications = ['carol', 'dave'].map((code) => ({ entity: { type: 'USER', code }, recordAdded: true, recordEdited: true, commentAdded: true }));
    const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/general.json', as: d.admin, payload: { app, notifications } });
    expect(put.statusCode, put.body).toBe(200);
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    return { d, app, carol, dave };
  }

  async function inbox(w: World, who: Persona): Promise<{ notifications: Note[]; unread: { toMe: string; all: string } }> {
    const res = await w.d.request({ method: 'GET', url: '/v1/notifications.json', as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function add(w: World, record: Record<string, unknown>): Promise<string> {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  async function edit(w: World, id: string, record: Record<string, unknown>): Promise<void> {
    const res = await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, id, record } });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function put(w: World, url: string, rights: unknown[]): Promise<void> {
    const res = await w.d.request({ method: 'PUT', url, as: w.d.admin, payload: { app: w.app, rights } });
    expect(res.statusCode, res.body).toBe(200);
  }

  describe('records the reader can no longer see', () => {
    it('leave the list and the counts when record permissions shut the reader out', async () => {
      const w = await world();
      await add(w, { title: { value: 'Open' }, kind: { value: 'public' } });
      await add(w, { title: { value: 'Closed' }, kind: { value: 'secret' } });
      expect((await inbox(w, w.carol)).unread.all).toBe('2');
      await put(w, '/k/v1/record/acl.json', [
        { filterCond: 'kind in ("secret")', entities: [{ entity: { type: 'USER', code: 'dave' }, viewable: true }] },
        { filterCond: '', entities: [{ entity: everyone, viewable: true }] },
      ]);
      const carol = await inbox(w, w.carol);
      expect(carol.notifications.map((n) => n.record?.title)).toEqual(['Open']);
      expect(carol.unread).toEqual({ toMe: '0', all: '1' });
      expect((await inbox(w, w.dave)).notifications.map((n) => n.record?.title)).toEqual(['Closed', 'Open']);
    });

    it('leave with the app when the reader loses it, and come back with it — memberships count as they are now', async () => {
      const w = await world();
      await w.d.request({ method: 'POST', url: '/v1/groups.json', as: w.d.admin, payload: { groups: [{ code: 'team', name: 'Team' }] } });
      await w.d.request({ method: 'PUT', url: '/v1/userGroups.json', as: w.d.admin, payload: { userGroups: [{ code: 'carol', groups: ['team'] }] } });
      await add(w, { title: { value: 'One' } });
      await put(w, '/k/v1/app/acl.json', [
        { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true },
        { entity: { type: 'GROUP', code: 'team' }, recordViewable: true },
      ]);
      expect((await inbox(w, w.carol)).notifications).toHaveLength(1);
      expect(await inbox(w, w.dave)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      await w.d.request({ method: 'PUT', url: '/v1/userGroups.json', as: w.d.admin, payload: { userGroups: [{ code: 'carol', groups: [] }] } });
      expect((await inbox(w, w.carol)).notifications).toEqual([]);
      await w.d.request({ method: 'PUT', url: '/v1/userGroups.json', as: w.d.admin, payload: { userGroups: [{ code: 'dave', groups: ['team'] }] } });
      expect((await inbox(w, w.dave)).notifications.map((n) => n.record?.title)).toEqual(['One']);
    });

    it('leave when the record is deleted', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'Gone soon' } });
      await w.d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${w.app}&ids[0]=${id}`, as: w.d.admin });
      expect(await inbox(w, w.carol)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
    });
  });

  describe('fields the reader may not see', () => {
    const writer = { accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } };
    const salaryHidden = [{ code: 'salary', entities: [writer, { accessibility: 'READ', entity: { type: 'USER', code: 'dave' } }, { accessibility: 'NONE', entity: everyone }] }];

    it('are never named, and an edit of nothing else is not there at all (R10)', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'Pay' }, salary: { value: 100 } });
      await put(w, '/k/v1/field/acl.json', salaryHidden);
      await edit(w, id, { salary: { value: 200 } });
      await edit(w, id, { salary: { value: 300 }, title: { value: 'Pay rise' } });
      const carol = await inbox(w, w.carol);
      expect(carol.notifications.map((n) => [n.kind, n.fields?.map((f) => f.code)])).toEqual([
        ['recordEdited', ['title']],
        ['recordAdded', undefined],
      ]);
      expect(carol.unread.all).toBe('2');
      expect(JSON.stringify(carol)).not.toMatch(/salary/i);
      const dave = await inbox(w, w.dave);
      expect(dave.notifications.map((n) => n.fields?.map((f) => f.code))).toEqual([['title', 'salary'], ['salary'], undefined]);
      expect(dave.notifications[1]!.summary).toBe('admin edited a record: Pay rise (Salary)');
    });

    it('leave a hidden title as the record number (R10)', async () => {
      const w = await world();
      await put(w, '/k/v1/field/acl.json', [{ code: 'title', entities: [writer, { accessibility: 'READ', entity: { type: 'USER', code: 'dave' } }, { accessibility: 'NONE', entity: everyone }] }]);
      const id = await add(w, { title: { value: 'Layoffs 2026' } });
      const carol = await inbox(w, w.carol);
      expect(carol.notifications[0]).toMatchObject({ record: { id, number: `HR-${id}`, title: `Record HR-${id}` }, summary: `admin added a record: Record HR-${id}` });
      expect(JSON.stringify(carol)).not.toContain('Layoffs');
      expect((await inbox(w, w.dave)).notifications[0]!.record?.title).toBe('Layoffs 2026');
    });
  });

  describe('comments', () => {
    it('reach a mentioned user or group member only while they may see the record (G9)', async () => {
      const w = await world();
      await w.d.request({ method: 'POST', url: '/v1/groups.json', as: w.d.admin, payload: { groups: [{ code: 'all-staff', name: 'All staff' }] } });
      await w.d.request({ method: 'PUT', url: '/v1/userGroups.json', as: w.d.admin, payload: { userGroups: [{ code: 'carol', groups: ['all-staff'] }, { code: 'dave', groups: ['all-staff'] }] } });
      await put(w, '/k/v1/record/acl.json', [{ filterCond: 'kind in ("secret")', entities: [{ entity: { type: 'USER', code: 'admin' }, viewable: true }, { entity: { type: 'USER', code: 'dave' }, viewable: true }] }]);
      const id = await add(w, { title: { value: 'Hush' }, kind: { value: 'secret' } });
      const mentions = [{ code: 'carol', type: 'USER' }, { code: 'all-staff', type: 'GROUP' }, { code: 'member', type: 'USER' }];
      const posted = await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.d.admin, payload: { app: w.app, record: id, comment: { text: 'psst', mentions } } });
      expect(posted.statusCode, posted.body).toBe(200);
      for (const who of [w.carol, w.d.member]) expect(await inbox(w, who)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      expect((await inbox(w, w.dave)).notifications.map((n) => n.kind)).toEqual(['mention', 'recordAdded']);
    });

    it('are shown as they are now: gone once deleted, out of reach while comments are off', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'Talk' } });
      const c1 = await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.d.admin, payload: { app: w.app, record: id, comment: { text: 'kept' } } });
      const c2 = await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.d.admin, payload: { app: w.app, record: id, comment: { text: 'deleted' } } });
      await w.d.request({ method: 'DELETE', url: `/k/v1/record/comment.json?app=${w.app}&record=${id}&comment=${c2.json().id}`, as: w.d.admin });
      const carol = await inbox(w, w.carol);
      expect(carol.notifications.map((n) => [n.kind, n.comment?.text ?? null])).toEqual([
        ['commentAdded', null],
        ['commentAdded', 'kept'],
        ['recordAdded', null],
      ]);
      expect(c1.statusCode).toBe(200);
      await w.d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: w.d.admin, payload: { app: w.app, enableComments: false } });
      await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
      expect((await inbox(w, w.carol)).notifications.map((n) => n.comment)).toEqual([null, null, null]);
    });
  });
});
