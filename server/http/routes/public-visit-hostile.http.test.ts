// Hostile visitors of public views (spec/security.md §3.5, probes P1–P5, P7–P9 as far as list,
// detail and attachments reach; the gates, P12–P15, are in public-visit-gates.http.test.ts):
// whatever they send, they get the view's chosen fields of the records inside its fixed filter,
// and every other door answers the same "not found" without naming anything they were not meant
// to see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import {
  VISITOR_COOKIE,
  cookieOf,
  expectNothingHidden,
  publish,
  publishedView,
  shapeOf as shape,
  titlesOf as titles,
  viewWorld,
  visitor,
} from '../../../test/support/public-views.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('P1, P2: only chosen fields, whatever is asked', () => {
    it('ignores projection, filter and sort parameters and searches only chosen text fields', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const base = await visitor(w.d, `${v.path}/data.json`);
      expect(base.statusCode, base.body).toBe(200);
      expect(titles(base)).toEqual(['Alpha', 'Beta']);
      const extra = [
        'fields[0]=secret_code&fields[1]=amount_hidden',
        'projection=secret_code',
        'columns=secret_code,hidden_photo',
        'select=*',
        'filter=visibility%20in%20(%22withheld%22)',
        'query=%24id%20%3E%200',
        'sort=amount_hidden&order=desc',
        'includeHiddenFields=true&totalCount=true',
      ];
      for (const q of extra) {
        const res = await visitor(w.d, `${v.path}/data.json?${q}`);
        expect(res.body, q).toBe(base.body);
      }
      const detail = await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json?fields[0]=secret_code&projection=amount_hidden`);
      expect(Object.keys(detail.json().record.values)).toEqual(['title', 'note', 'photo']);
      // A hidden field's value finds nothing, as text the chosen fields do not contain.
      const bySecret = await visitor(w.d, `${v.path}/data.json?q=SECRET-Alpha`);
      expect(bySecret.json()).toMatchObject({ records: [], totalCount: 0 });
      expectNothingHidden(w, base, detail, bySecret);
    });
  });

  describe('P3: search text is a value, never query text', () => {
    it('cannot widen the fixed filter', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const probes = ['") or ($id > 0', '" or visibility in ("withheld") or title like "', '\\"', '＂) or （$id > 0', 'Gamma', '%', '_', 'a'.repeat(200)];
      for (const q of probes) {
        const res = await visitor(w.d, `${v.path}/data.json?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
        expect(res.json().totalCount, q).toBe(0);
        expectNothingHidden(w, res);
      }
      expect(titles(await visitor(w.d, `${v.path}/data.json?q=${encodeURIComponent('alp')}`))).toEqual(['Alpha']);
      // 100 KB of text is refused as too long, without being echoed or evaluated.
      const huge = await visitor(w.d, `${v.path}/data.json?q=${'x'.repeat(100_000)}`);
      expectErrorBody(huge, 400, 'CB_VA01');
      expect(huge.body.length).toBeLessThan(500);
    });
  });

  describe('P4: records outside the view are unreachable', () => {
    it('answers ids outside the filter, deleted, of another app or malformed exactly like a random id', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const otherApp = await deployedApp(w.d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } });
      // Record ids are numbered per app: the other app's last id is one this app never had.
      const others = Array.from({ length: 8 }, (_, i) => ({ title: { value: `Elsewhere ${i}` } }));
      const other = await w.d.request({ method: 'POST', url: '/k/v1/records.json', as: w.d.admin, payload: { app: otherApp, records: others } });
      const doomed = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, record: { title: { value: 'Doomed' }, visibility: { value: 'shown' } } } });
      const doomedId = doomed.json().id;
      expect((await visitor(w.d, `${v.path}/records/${doomedId}.json`)).statusCode).toBe(200);
      await w.d.request({ method: 'DELETE', url: '/k/v1/records.json', as: w.d.admin, payload: { app: w.app, ids: [doomedId] } });
      const random = await visitor(w.d, `${v.path}/records/987654.json`);
      expectErrorBody(random, 404, 'CB_PV05');
      const ids = [w.ids.Gamma, doomedId, other.json().ids.at(-1), '0', '-1', 'abc', '1e3', '99999999999999999999', '1.0', `${w.ids.Alpha}%20or%201`];
      for (const id of ids) {
        const res = await visitor(w.d, `${v.path}/records/${id}.json`);
        expect(shape(res), String(id)).toEqual(shape(random));
        expectNothingHidden(w, res);
      }
    });

    it('clamps paging and keeps the view sort', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, { settings: { fields: ['title'], filter: 'visibility in ("shown")', pageSize: 1, sort: [{ field: 'title', order: 'desc' }] } });
      expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Beta']);
      expect(titles(await visitor(w.d, `${v.path}/data.json?page=2`))).toEqual(['Alpha']);
      for (const page of ['0', '-1', 'abc', '1e9']) {
        const res = await visitor(w.d, `${v.path}/data.json?page=${page}`);
        expect(res.statusCode, page).toBe(200);
        expect(res.json().page).toBe(page === '1e9' ? 1 : 1);
      }
      // Far past the end: the last page paging may reach (offset ≤ 10,000), empty here.
      const far = await visitor(w.d, `${v.path}/data.json?page=999999999`);
      expect(far.json()).toMatchObject({ page: 10_001, records: [], totalCount: 2, pages: 2 });
    });
  });

  describe('P5: attachments', () => {
    it('are reachable only through links bound to the view, record, field and file, for a while', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const list = await visitor(w.d, `${v.path}/data.json`);
      const link: string = list.json().records[0].values.photo.value[0].url;
      expect(link.startsWith(`${v.path}/files/${w.ids.Alpha}/photo/`)).toBe(true);
      const ok = await visitor(w.d, link);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('contents of photo-Alpha.txt');
      expect(ok.headers['content-disposition']).toContain('attachment');

      const [path, query] = link.split('?') as [string, string];
      const parts = path.split('/');
      const fileId = parts.at(-1)!;
      const params = new URLSearchParams(query);
      const sig = params.get('sig')!;
      const expires = params.get('expires')!;
      const tampered = [
        `${path}?expires=${expires}&sig=${sig.slice(0, -2)}AA`,
        `${path}?expires=${Number(expires) + 3600}&sig=${sig}`,
        `${path}?expires=${expires}`,
        path,
        link.replace(`/files/${w.ids.Alpha}/`, `/files/${w.ids.Gamma}/`),
        link.replace('/photo/', '/hidden_photo/'),
        // The record's own file key, in the file's place or as a parameter.
        link.replace(fileId, w.fileKeys[0]!),
        `${v.path}/files/${w.ids.Alpha}/hidden_photo/${w.fileKeys[1]}?expires=${expires}&sig=${sig}`,
        `${v.path}/files?fileKey=${w.fileKeys[0]}`,
        `${v.path}/file.json?fileKey=${w.fileKeys[0]}`,
      ];
      for (const url of tampered) {
        const res = await visitor(w.d, url);
        expect(res.statusCode, url).toBe(404);
        expectNothingHidden(w, res);
      }
      // The main API's file endpoint never serves the anonymous.
      expect((await visitor(w.d, `/k/v1/file.json?fileKey=${w.fileKeys[0]}`)).statusCode).toBe(401);
      // Links expire.
      h.clock.advance(16 * 60_000);
      expect((await visitor(w.d, link)).statusCode).toBe(404);
      const fresh: string = (await visitor(w.d, `${v.path}/data.json`)).json().records[0].values.photo.value[0].url;
      expect((await visitor(w.d, fresh)).statusCode).toBe(200);
      // A field taken out of the view takes its links with it.
      const edit = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.d.admin, payload: { id: v.id, settings: { fields: ['title', 'note'], filter: 'visibility in ("shown")' } } });
      expect(edit.statusCode, edit.body).toBe(200);
      expect((await visitor(w.d, fresh)).statusCode).toBe(404);
    });
  });

  describe('P7: errors name nothing', () => {
    it('keeps fields, the filter and internals out of every refusal', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, { password: 'open sesame 1' });
      const answers = await Promise.all([
        visitor(w.d, `${v.path}/data.json`),
        visitor(w.d, `${v.path}/records/${w.ids.Gamma}.json`),
        visitor(w.d, `${v.path}/unlock.json`, { method: 'POST', payload: { password: 'wrong password' } }),
        visitor(w.d, `${v.path}/unlock.json`, { method: 'POST', payload: { nothing: 1 } }),
        visitor(w.d, `${v.path}/data.json?q=${'y'.repeat(300)}`),
        visitor(w.d, `/public/${'A'.repeat(43)}/data.json`),
        visitor(w.d, `${v.path}/nowhere`),
      ]);
      for (const res of answers) expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expectNothingHidden(w, ...answers);
      for (const res of answers) for (const s of ['title', 'note', 'photo', 'Our houses']) expect(res.body).not.toContain(s);
    });
  });

  describe('P8: unpublish, delete, regenerate', () => {
    it('kill the old URL at once, cached pages and attachment links included', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const unknown = await visitor(w.d, `/public/${'B'.repeat(43)}/data.json`);
      expectErrorBody(unknown, 404, 'CB_PV05');
      const page = await visitor(w.d, `${v.path}/data.json`);
      const link: string = page.json().records[0].values.photo.value[0].url;
      await publish(w, v.id, false);
      for (const url of [`${v.path}/data.json`, `${v.path}/records/${w.ids.Alpha}.json`, link]) expect(shape(await visitor(w.d, url))).toEqual(shape(unknown));
      await publish(w, v.id, true);
      expect((await visitor(w.d, `${v.path}/data.json`)).statusCode).toBe(200);

      const regenerated = await w.d.request({ method: 'POST', url: '/v1/public-view/regenerate.json', as: w.d.admin, payload: { id: v.id } });
      expect(regenerated.statusCode, regenerated.body).toBe(200);
      const fresh = regenerated.json();
      expect(fresh.token).not.toBe(v.token);
      for (const url of [`${v.path}/data.json`, `${v.path}/records/${w.ids.Alpha}.json`, link]) expect(shape(await visitor(w.d, url))).toEqual(shape(unknown));
      // Links made under the old URL do not work under the new one either (new signing key).
      expect((await visitor(w.d, link.replace(v.token, fresh.token))).statusCode).toBe(404);
      expect(titles(await visitor(w.d, `${fresh.path}/data.json`))).toEqual(['Alpha', 'Beta']);

      await w.d.request({ method: 'DELETE', url: '/v1/public-views.json', as: w.d.admin, payload: { id: v.id } });
      expect(shape(await visitor(w.d, `${fresh.path}/data.json`))).toEqual(shape(unknown));
      // A token of one domain means nothing on another (T4).
      const other = await viewWorld(h);
      const theirs = await publishedView(other);
      expect(shape(await visitor(w.d, `${theirs.path}/data.json`))).toEqual(shape(unknown));
    });
  });

  describe('P9: cached pages', () => {
    it('are never served for other parameters, views or unlock states', async () => {
      const w = await viewWorld(h);
      const a = await publishedView(w, { settings: { fields: ['title'], filter: 'visibility in ("shown")', pageSize: 1, search: true, sort: [{ field: 'title', order: 'asc' }] } });
      const b = await publishedView(w, { settings: { fields: ['title', 'note'], filter: 'title = "Beta"' }, password: 'open sesame 1' });
      expect(titles(await visitor(w.d, `${a.path}/data.json`))).toEqual(['Alpha']);
      expect(titles(await visitor(w.d, `${a.path}/data.json?page=2`))).toEqual(['Beta']);
      expect(titles(await visitor(w.d, `${a.path}/data.json?q=bet`))).toEqual(['Beta']);
      expect(titles(await visitor(w.d, `${a.path}/data.json?q=alp`))).toEqual(['Alpha']);
      expect(titles(await visitor(w.d, `${a.path}/data.json?q=bet&page=1`))).toEqual(['Beta']);
      const unlocked = await visitor(w.d, `${b.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } });
      const cookie = cookieOf(unlocked, VISITOR_COOKIE)!;
      const inside = await visitor(w.d, `${b.path}/data.json`, { headers: { cookie } });
      expect(titles(inside)).toEqual(['Beta']);
      // The page just made for the unlocked visitor is not the locked visitor's.
      expectErrorBody(await visitor(w.d, `${b.path}/data.json`), 401, 'CB_PV07');
      expect(titles(await visitor(w.d, `${a.path}/data.json`, { headers: { 'accept-language': 'ja' } }))).toEqual(['Alpha']);
    });
  });

  // SQLite in a file, as `npm start` runs it: visitors' new answers are read on a read thread.
}, { sqliteFile: true });
