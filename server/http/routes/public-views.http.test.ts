// Managing public views: only the people who manage the app; settings checked against the app
// as its manager and the view's creator see it; plan features refused clearly, never dropped;
// every change audited without secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewPlan } from '../../../common/licences/view-plans.js';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { LIST_SETTINGS, createView, publish, setViewPlan, viewWorld, visitor } from '../../../test/support/public-views.js';

const VIEWS = '/v1/public-views.json';
const SIMPLE = { fields: ['title', 'note'] };
const everyone = { type: 'GROUP', code: 'everyone' };

/** An error answer without its per-answer id, to compare two refusals. */
const shape = (res: { statusCode: number; json(): Record<string, unknown> }): Record<string, unknown> => {
  const { id: _id, ...body } = res.json();
  return { status: res.statusCode, ...body };
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('an app manager', () => {
    it('makes, lists, changes and deletes views, each change audited without secrets', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const made = await d.request({
        method: 'POST',
        url: VIEWS,
        as: d.member,
        payload: { app: w.app, title: 'Houses', settings: LIST_SETTINGS, password: 'open sesame 1', ipAllow: ['203.0.113.0/24'] },
      });
      expect(made.statusCode, made.body).toBe(200);
      const { view, token, path } = made.json();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(path).toBe(`/public/${token}`);
      expect(view).toMatchObject({
        app: String(w.app),
        kind: 'list',
        title: 'Houses',
        published: false,
        hasPassword: true,
        ipAllow: ['203.0.113.0/24'],
        configVersion: 1,
        creator: { id: String(d.member.id), code: 'member' },
        requiredFeatures: ['simpleViews', 'filtering', 'accessRestriction', 'ipRestriction'],
        missingFeatures: [],
      });
      expect(view.settings).toMatchObject({ ...LIST_SETTINGS, detail: { enabled: true }, blocks: { above: '', below: '' } });

      const listed = await d.request({ method: 'GET', url: `${VIEWS}?app=${w.app}`, as: d.admin });
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().views).toEqual([view]);
      // The token is shown once; the list never carries it or its hash.
      expect(listed.body).not.toContain(token);
      expect(listed.body).not.toMatch(/urlToken|signingKey|passwordHash|argon2/);

      const changed = await d.request({
        method: 'PUT',
        url: VIEWS,
        as: d.member,
        payload: { id: view.id, configVersion: 1, title: 'Our houses', settings: { ...LIST_SETTINGS, blocks: { above: '<p onclick="x()">Hi<script>alert(1)</script></p>' } } },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().view).toMatchObject({ title: 'Our houses', configVersion: 2 });
      expect(changed.json().view.settings.blocks.above).toBe('<p>Hi</p>');
      // A change made against an older version is refused rather than lost.
      expectErrorBody(await d.request({ method: 'PUT', url: VIEWS, as: d.member, payload: { id: view.id, configVersion: 1, title: 'Stale' } }), 409, 'GAIA_CO02');

      expect((await d.request({ method: 'DELETE', url: VIEWS, as: d.member, payload: { id: view.id } })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: `${VIEWS}?app=${w.app}`, as: d.member })).json().views).toEqual([]);
      expect((await visitor(d, `${path}/data.json`)).statusCode).toBe(404);

      const audit = await d.request({ method: 'GET', url: '/v1/audit.json', as: d.admin });
      const rows = (audit.json().entries as Array<{ action: string; detail: unknown }>).filter((e) => e.action.startsWith('publicView.'));
      expect(rows.map((e) => e.action).sort()).toEqual(['publicView.create', 'publicView.delete', 'publicView.update']);
      const text = JSON.stringify(rows);
      expect(text).not.toContain('open sesame');
      expect(text).not.toContain(token);
      expect(text).not.toContain('argon2');
    });
  });

  describe('who may manage', () => {
    it('refuses members, guests, strangers and other domains, revealing nothing about a view', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const v = await createView(w);
      const carol = await d.addUser('carol');
      const guest = await addGuest(d, 'guest@example.com');
      const unknownId = 'pv_00000000000000000000';
      const calls = (id: string) => [
        { method: 'PUT' as const, url: VIEWS, payload: { id, title: 'Mine now' } },
        { method: 'DELETE' as const, url: VIEWS, payload: { id } },
        { method: 'POST' as const, url: '/v1/public-view/publish.json', payload: { id, published: true } },
        { method: 'POST' as const, url: '/v1/public-view/regenerate.json', payload: { id } },
      ];
      // carol reads the app (everyone may) but does not manage it: for her, the view does not exist.
      for (let i = 0; i < 4; i++) {
        const real = await d.request({ ...calls(v.id)[i]!, as: carol });
        const none = await d.request({ ...calls(unknownId)[i]!, as: carol });
        expectErrorBody(real, 404, 'CB_PV01');
        expect(shape(real)).toEqual(shape(none));
      }
      expectErrorBody(await d.request({ method: 'GET', url: `${VIEWS}?app=${w.app}`, as: carol }), 403, 'CB_NO02');
      expectErrorBody(await d.request({ method: 'POST', url: VIEWS, as: carol, payload: { app: w.app, title: 'x', settings: SIMPLE } }), 403, 'CB_NO02');
      // A manager of another app: the same as an id that never existed.
      await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } }, { as: carol });
      expect(shape(await d.request({ ...calls(v.id)[0]!, as: carol }))).toEqual(shape(await d.request({ ...calls(unknownId)[0]!, as: carol })));
      // Guests never manage views; the anonymous must sign in.
      for (const call of [...calls(v.id), { method: 'GET' as const, url: `${VIEWS}?app=${w.app}` }]) {
        expectErrorBody(await d.request({ ...call, as: guest }), 403, 'CB_NO02');
        expectErrorBody(await d.request(call), 401, 'CB_AU01');
      }
      // Another domain's administrator: the id, like the token, means nothing there (T4).
      const other = await newDomain(h);
      await setViewPlan(other, 'enterprise');
      expect(shape(await other.request({ ...calls(v.id)[1]!, as: other.admin }))).toEqual(shape(await other.request({ ...calls(unknownId)[1]!, as: other.admin })));
      // Nothing changed: the view is still there, unpublished, as made.
      const listed = (await d.request({ method: 'GET', url: `${VIEWS}?app=${w.app}`, as: d.member })).json().views;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ title: 'Our houses', published: false, configVersion: 1 });
      // The domain administrator manages every app, and so its views.
      expect((await d.request({ ...calls(v.id)[0]!, as: d.admin })).statusCode).toBe(200);
    });
  });

  describe('settings', () => {
    it('are checked against the app as its manager sees it', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const post = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        d.request({ method: 'POST', url: VIEWS, as: d.member, payload: { app: w.app, title: 'x', settings, ...extra } });
      expectErrorBody(await post({ fields: ['title', 'nothing'] }), 400, 'CB_PV04');
      expectErrorBody(await post({ fields: ['title'], filter: 'nothing = "1"' }), 400, 'GAIA_IQ11');
      expectErrorBody(await post({ fields: ['title'], filter: 'title = "a" order by title asc' }), 400, 'CB_PV11');
      // The signed-in user's functions mean nothing to a visitor (and would be the creator's).
      expectErrorBody(await post({ fields: ['title'], filter: 'Created_by in (LOGINUSER())' }), 400, 'CB_PV11');
      expectErrorBody(await post({ fields: ['title'], sort: [{ field: 'note', order: 'asc' }] }), 400, 'CB_PV12');
      // Every kind is served now; a calendar's settings need its calendar (public-kinds-hostile tests the kinds).
      const calendar = expectErrorBody(await post({ fields: ['title'] }, { kind: 'calendar' }), 400, 'CB_VA01');
      expect(Object.keys(calendar.errors as object)).toEqual(['settings.calendar']);
      const bad = expectErrorBody(await post({ fields: ['title'], pageSize: 1000 }), 400, 'CB_VA01');
      expect(Object.keys(bad.errors as object)).toEqual(['settings.pageSize']);
      const ip = expectErrorBody(await post(SIMPLE, { ipAllow: ['203.0.113.0/24', 'not an address'] }), 400, 'CB_VA01');
      expect(Object.keys(ip.errors as object)).toEqual(['ipAllow[1]']);
      expectErrorBody(await post(SIMPLE, { password: 'short' }), 400, 'CB_VA01');
      expect((await post({ fields: ['title'], filter: 'visibility in ("shown") and title like "A"' })).statusCode).toBe(200);
    });

    it('cannot show a field its manager may not read, answering as for a field that does not exist', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const carol = await d.addUser('carol');
      const acl = await d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: d.member,
        payload: {
          app: w.app,
          rights: [
            { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true },
            { entity: { type: 'USER', code: 'carol' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true },
          ],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      const fieldAcl = await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.member,
        payload: { app: w.app, rights: [{ code: 'secret_code', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] }] },
      });
      expect(fieldAcl.statusCode, fieldAcl.body).toBe(200);
      const post = (settings: Record<string, unknown>) => d.request({ method: 'POST', url: VIEWS, as: carol, payload: { app: w.app, title: 'x', settings } });
      const hidden = expectErrorBody(await post({ fields: ['title', 'secret_code'] }), 400, 'CB_PV04');
      const missing = expectErrorBody(await post({ fields: ['title', 'no_such'] }), 400, 'CB_PV04');
      expect(String(hidden.message).replace('secret_code', 'X')).toBe(String(missing.message).replace('no_such', 'X'));
      expect(shape(await post({ fields: ['title'], filter: 'secret_code = "a"' })).message).toBe(
        String(shape(await post({ fields: ['title'], filter: 'no_such = "a"' })).message).replace('no_such', 'secret_code'),
      );
      // The member (who reads it) may publish it; carol may not then take the view over with it.
      const v = await createView(w, { settings: { fields: ['title', 'secret_code'] } });
      expectErrorBody(await d.request({ method: 'PUT', url: VIEWS, as: carol, payload: { id: v.id, settings: { fields: ['title', 'secret_code'] } } }), 400, 'CB_PV04');
      expect((await d.request({ method: 'PUT', url: VIEWS, as: carol, payload: { id: v.id, settings: { fields: ['title'] } } })).statusCode).toBe(200);
    });
  });

  describe('plans', () => {
    const PLANS: Array<ViewPlan | null> = [null, 'light', 'standard', 'premium', 'enterprise'];
    /** What each kind of view needs: the plan below it refuses, naming the plan that has it. */
    const CASES: Array<{ what: string; extra: Record<string, unknown>; from: ViewPlan; feature: string }> = [
      { what: 'a fixed filter', extra: { settings: { ...SIMPLE, filter: 'title like "a"' } }, from: 'standard', feature: 'filtering' },
      { what: 'a sort', extra: { settings: { ...SIMPLE, sort: [{ field: 'title', order: 'asc' }] } }, from: 'standard', feature: 'filtering' },
      { what: 'a search box', extra: { settings: { ...SIMPLE, search: true } }, from: 'standard', feature: 'filtering' },
      { what: 'a password', extra: { settings: SIMPLE, password: 'open sesame 1' }, from: 'premium', feature: 'accessRestriction' },
      { what: 'an IP allow-list', extra: { settings: SIMPLE, ipAllow: ['198.51.100.0/24'] }, from: 'premium', feature: 'ipRestriction' },
    ];
    const rank = (p: ViewPlan | null) => PLANS.indexOf(p);

    it('gate each feature by the feature table, with a clear refusal, and publishing by having a plan', async () => {
      for (const plan of PLANS) {
        const w = await viewWorld(h, plan, { byMember: true });
        const { d } = w;
        const simple = await d.request({ method: 'POST', url: VIEWS, as: d.member, payload: { app: w.app, title: 'Simple', settings: SIMPLE } });
        expect(simple.statusCode, simple.body).toBe(200);
        const publishing = await d.request({ method: 'POST', url: '/v1/public-view/publish.json', as: d.member, payload: { id: simple.json().view.id, published: true } });
        if (plan === null) expectErrorBody(publishing, 403, 'CB_PV03');
        else expect(publishing.statusCode, `${plan}: ${publishing.body}`).toBe(200);
        for (const c of CASES) {
          const res = await d.request({ method: 'POST', url: VIEWS, as: d.member, payload: { app: w.app, title: c.what, ...c.extra } });
          if (rank(plan) >= rank(c.from)) {
            expect(res.statusCode, `${plan} ${c.what}: ${res.body}`).toBe(200);
            continue;
          }
          const body = expectErrorBody(res, 403, 'CB_PV02');
          expect(body.message).toBe(`This feature (${c.feature}) is not part of your public-view plan. It needs the ${c.from} plan or above.`);
        }
      }
    });

    it('close a view relying on a feature the plan lost, until it is changed to fit (P14)', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const v = await createView(w, { password: 'open sesame 1' });
      await publish(w, v.id);
      expect((await visitor(d, `${v.path}/data.json`)).statusCode).toBe(401);
      await setViewPlan(d, 'standard');
      // Not shown without the password it was set up with: not shown at all.
      expectErrorBody(await visitor(d, `${v.path}/data.json`), 404, 'CB_PV05');
      const listed = (await d.request({ method: 'GET', url: `${VIEWS}?app=${w.app}`, as: d.member })).json().views[0];
      expect(listed).toMatchObject({ published: true, missingFeatures: ['accessRestriction'] });
      expectErrorBody(await d.request({ method: 'PUT', url: VIEWS, as: d.member, payload: { id: v.id, title: 'Renamed' } }), 403, 'CB_PV02');
      const fitted = await d.request({ method: 'PUT', url: VIEWS, as: d.member, payload: { id: v.id, password: null } });
      expect(fitted.statusCode, fitted.body).toBe(200);
      expect(fitted.json().view.missingFeatures).toEqual([]);
      expect((await visitor(d, `${v.path}/data.json`)).statusCode).toBe(200);
      // Without any plan, nothing is shown.
      await setViewPlan(d, null);
      expect((await visitor(d, `${v.path}/data.json`)).statusCode).toBe(404);
    });
  });
});
