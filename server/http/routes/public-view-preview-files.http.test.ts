// A manager's preview shows what visitors would see of attachments and of a dashboard's members:
// images and files open in the preview — for the manager's own session only, while the link
// lasts, and only a file the view would show — and a member's detail page opens as the member's
// own visitor would get it, never a record outside the member's filter. Nothing is written and
// nothing of it opens under /public/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInBrowser, XHR } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { KIND_SETTINGS, kindsWorld, publishedKind } from '../../../test/support/public-kinds.js';
import { LIST_SETTINGS, type ViewWorld, createView, expectNothingHidden, viewWorld, visitor } from '../../../test/support/public-views.js';

const PREVIEW = '/v1/public-view/preview.json';
const cell = (x: number, y: number) => ({ x, y, w: 6, h: 4 });

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  async function session(w: ViewWorld, who = w.manager) {
    const s = await signInBrowser(w.d, who);
    return {
      preview: (body: Record<string, unknown>) => w.d.request({ method: 'POST', url: PREVIEW, headers: { ...XHR, cookie: s.cookie, 'x-request-token': s.csrfToken }, payload: { app: w.app, ...body } }),
      get: (url: string) => w.d.request({ method: 'GET', url, headers: { cookie: s.cookie } }),
    };
  }
  const photoOf = (record: { values: Record<string, { value: unknown }> }) => (record.values.photo!.value as Array<{ url: string; name: string }>)[0]!;

  describe('a preview’s attachments', () => {
    it('open for the manager’s session that previewed them, and for nobody else', async () => {
      const w = await kindsWorld(h);
      const v = await createView(w, { kind: 'card', settings: KIND_SETTINGS.card });
      const m = await session(w);
      const res = await m.preview({ id: v.id, kind: 'card', settings: KIND_SETTINGS.card });
      expect(res.statusCode, res.body).toBe(200);
      const photo = photoOf(res.json().data.records[0]);
      expect(photo.name).toBe('photo-Alpha.png');
      expect(photo.url).toMatch(/^\/v1\/public-view\/preview\/file\?app=\d+&view=pv_[0-9a-z]{20}&creator=\d+&record=\d+&field=photo&file=[\w-]+&expires=\d+&sig=[\w-]+$/);
      const image = await m.get(photo.url);
      expect(image.statusCode, image.body).toBe(200);
      expect(image.body).toBe('contents of photo-Alpha.png');
      expect(image.headers['cache-control']).toBe('private, no-store');

      // Another session of the same manager, another user, a password header, no one: nothing.
      const again = await session(w);
      const member = await session(w, w.d.member);
      for (const res of [await again.get(photo.url), await member.get(photo.url), await w.d.request({ method: 'GET', url: photo.url, as: w.manager }), await w.d.request({ method: 'GET', url: photo.url })]) {
        expect(res.statusCode).not.toBe(200);
        expect(res.body).not.toContain('contents of');
      }
      // A link changed in any part opens nothing: another record, field, creator, view, expiry.
      const u = new URL(photo.url, 'https://x');
      const changed = (key: string, value: string) => {
        const q = new URLSearchParams(u.search);
        q.set(key, value);
        return `${u.pathname}?${q}`;
      };
      for (const [key, value] of [['record', String(w.ids.Gamma)], ['field', 'hidden_photo'], ['creator', String(w.d.member.id)], ['view', 'pv_aaaaaaaaaaaaaaaaaaaa'], ['expires', String(Number(u.searchParams.get('expires')) + 60)], ['sig', 'x']] as const) {
        const res = await m.get(changed(key, value));
        expect([key, res.statusCode]).toEqual([key, 404]);
      }
      // Under /public/ it is no visitor's link.
      expect((await visitor(w.d, `/public/preview/files/${w.ids.Alpha}/photo/${u.searchParams.get('file')}?expires=1&sig=x`)).statusCode).toBe(404);
      // It lasts as a visitor's link does (15 minutes).
      h.clock.advance(16 * 60_000);
      expect((await m.get(photo.url)).statusCode).toBe(404);
      // Nothing was written: the view stays unpublished.
      const listed = (await w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${w.app}`, as: w.manager })).json().views[0];
      expect(listed).toMatchObject({ published: false, configVersion: 1 });
    });

    it('of a draft never saved open too, and only while the manager still manages the app', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const carol = await w.d.addUser('carol');
      const rights = (carolManages: boolean) =>
        w.d.request({
          method: 'PUT',
          url: '/k/v1/app/acl.json',
          as: w.d.member,
          payload: {
            app: w.app,
            rights: [
              { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true },
              { entity: { type: 'USER', code: 'carol' }, appEditable: carolManages, recordViewable: true, recordAddable: false, recordEditable: false, recordDeletable: false, recordImportable: false, recordExportable: false },
            ],
          },
        });
      expect((await rights(true)).statusCode).toBe(200);
      const c = await session(w, carol);
      const res = await c.preview({ kind: 'list', title: 'New', settings: LIST_SETTINGS });
      expect(res.statusCode, res.body).toBe(200);
      const photo = photoOf(res.json().data.records[0]);
      expect(photo.url).toContain(`creator=${carol.id}&`);
      expect((await c.get(photo.url)).body).toBe('contents of photo-Alpha.txt');
      // No longer managing the app, the link opens nothing.
      expect((await rights(false)).statusCode).toBe(200);
      expect((await c.get(photo.url)).statusCode).toBe(404);
    });
  });

  describe('a dashboard’s preview', () => {
    it('opens a member’s detail pages and images as the member’s visitor would get them', async () => {
      const w = await kindsWorld(h);
      const card = await publishedKind(w, 'card');
      const locked = await publishedKind(w, 'segment', KIND_SETTINGS.segment, { password: 'a long password' });
      const settings = {
        dashboard: {
          items: [
            { type: 'text', html: 'Hello', ...cell(0, 0) },
            { type: 'view', view: card.id, ...cell(0, 1) },
            { type: 'view', view: locked.id, ...cell(6, 1) },
          ],
        },
      };
      const m = await session(w);
      const board = await m.preview({ kind: 'dashboard', title: 'Board', settings });
      expect(board.statusCode, board.body).toBe(200);
      const member = board.json().data.items[1];
      expect(member).toMatchObject({ type: 'view', member: 1, available: true, kind: 'card' });
      const photo = photoOf(member.data.records[0]);
      expect(photo.url.startsWith(`/v1/public-view/preview/file?app=${w.app}&view=${card.id}&`)).toBe(true);
      expect((await m.get(photo.url)).body).toBe('contents of photo-Alpha.png');

      const detail = await m.preview({ kind: 'dashboard', settings, member: 1, record: String(w.ids.Alpha) });
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().data).toMatchObject({ view: { kind: 'card', title: 'Our houses' }, record: { values: { title: { value: 'Alpha' } } } });
      expect((await m.get(photoOf(detail.json().data.record).url)).statusCode).toBe(200);
      expectNothingHidden(w, detail);
      // Never a record outside the member's filter, a member behind its own password, a block that is no view.
      for (const [n, id] of [[1, w.ids.Gamma], [2, w.ids.Alpha], [0, w.ids.Alpha], [9, w.ids.Alpha]] as const) {
        const res = await m.preview({ kind: 'dashboard', settings, member: n, record: String(id) });
        expect([n, id, res.statusCode]).toEqual([n, id, 404]);
        expect(res.body).not.toContain('Gamma');
      }
      // A member is a dashboard's, and a detail page's.
      expectErrorBody(await m.preview({ kind: 'card', settings: KIND_SETTINGS.card, member: 1, record: String(w.ids.Alpha) }), 400, 'CB_VA01');
      expectErrorBody(await m.preview({ kind: 'dashboard', settings, member: 1 }), 400, 'CB_VA01');
    });
  });
});
