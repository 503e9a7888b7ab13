// Record comments are live: adding or deleting one tells the pages showing that record (a
// `record` topic) — and only subscribers who may read the record now, as GET record/comments.json
// would; nothing is said of a comment whose write was refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../common/api/events.js';
import { newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { type BrowserSession, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type LiveHarness, type SseStream, openStream, startLiveApp } from '../../../test/support/live.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { public: { label: 'public', index: '0' }, private: { label: 'private', index: '1' } } },
};
const isComment = (m: LiveMessage) => m.kind === 'record.comment';

eachDatabase((database) => {
  let h: LiveHarness;
  beforeAll(async () => {
    h = await startLiveApp(database());
  });
  afterAll(async () => h.close());

  async function watch(host: string, s: BrowserSession, query: string): Promise<SseStream> {
    const stream = await openStream(h, host, { cookie: s.cookie, query });
    expect(stream.status, stream.raw()).toBe(200);
    await stream.next((m) => m.kind === 'ready');
    return stream;
  }

  /** open: everyone reads it; mine: only its owner (member) and the app's managers. */
  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: { app, records: [{ title: { value: 'open' }, kind: { value: 'public' } }, { title: { value: 'mine' }, kind: { value: 'private' }, owner: { value: [{ code: 'member' }] } }] },
    });
    expect(add.statusCode, add.body).toBe(200);
    const [open, mine] = add.json().ids.map(Number) as [number, number];
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: d.member,
      payload: {
        app,
        rights: [
          { filterCond: 'kind in ("private")', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, viewable: true, editable: true, deletable: true }] },
          { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true, deletable: true }] },
        ],
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    const comment = (record: number, text: string) => d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: d.member, payload: { app, record, comment: { text } } });
    return { d, carol, app, open, mine, comment };
  }

  describe('record comments', () => {
    it('tells a reader of the record that a comment was added and deleted', async () => {
      const w = await world();
      const reader = await watch(w.d.host, await signInBrowser(w.d, w.d.member), `record=${w.app}:${w.mine}`);
      const added = await w.comment(w.mine, 'hello');
      expect(added.statusCode, added.body).toBe(200);
      const id = added.json().id as string;
      expect(await reader.next(isComment)).toEqual({ kind: 'record.comment', appId: String(w.app), recordId: String(w.mine), commentId: id, action: 'added' });
      const del = await w.d.request({ method: 'DELETE', url: `/k/v1/record/comment.json?app=${w.app}&record=${w.mine}&comment=${id}`, as: w.d.member });
      expect(del.statusCode, del.body).toBe(200);
      expect(await reader.next((m) => isComment(m) && m.kind === 'record.comment' && m.action === 'deleted')).toEqual({
        kind: 'record.comment',
        appId: String(w.app),
        recordId: String(w.mine),
        commentId: id,
        action: 'deleted',
      });
      reader.close();
    });

    it('tells nobody who may not read the record, nor watchers of other records or of the list', async () => {
      const w = await world();
      const carol = await signInBrowser(w.d, w.carol);
      const hidden = await watch(w.d.host, carol, `record=${w.app}:${w.mine}`);
      const other = await watch(w.d.host, carol, `record=${w.app}:${w.open}`);
      const list = await watch(w.d.host, carol, `app=${w.app}`);
      expect((await w.comment(w.mine, 'for the owner')).statusCode).toBe(200);
      // The control: a comment on the record carol reads reaches her record page.
      expect((await w.comment(w.open, 'for everyone')).statusCode).toBe(200);
      expect(await other.next(isComment)).toMatchObject({ recordId: String(w.open), action: 'added' });
      await new Promise((r) => setTimeout(r, 150));
      expect(hidden.messages).toEqual([{ kind: 'ready' }]);
      expect(list.messages).toEqual([{ kind: 'ready' }]);
      expect(other.messages.filter(isComment)).toHaveLength(1);
      // A refused comment (no such record) says nothing.
      expect((await w.comment(999_999, 'nowhere')).statusCode).toBe(404);
      hidden.close();
      other.close();
      list.close();
    });
  });
});
