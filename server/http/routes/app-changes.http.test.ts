// GET preview/app/changes.json: the settings screens' "changes not yet applied" marker follows
// edits, deploys and discards, on both databases; only the app's managers may ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addSpace } from '../../../test/support/spaces.js';
import { sameJson } from '../../domain/apps/pending-changes.js';

const FIELDS = { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } };

describe('sameJson', () => {
  it('ignores key order and undefined members, and nothing else', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  it('says a new app is not deployed, then follows edits, deploy and discard', async () => {
    const d = await newDomain(h);
    const created = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.member, payload: { name: 'New' } });
    const app = Number(created.json().app);
    const changes = async () => {
      const res = await d.request({ method: 'GET', url: `/k/v1/preview/app/changes.json?app=${app}`, as: d.member });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await changes()).toMatchObject({ deployed: false, changed: true });

    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
    expect(await changes()).toMatchObject({ deployed: true, changed: false });

    const edit = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.member, payload: { app, description: 'changed' } });
    expect(edit.statusCode, edit.body).toBe(200);
    const pending = await changes();
    expect(pending).toMatchObject({ deployed: true, changed: true, revision: edit.json().revision });

    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }], revert: true } });
    expect(await changes()).toMatchObject({ deployed: true, changed: false });

    await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: d.member, payload: { app, properties: FIELDS } });
    expect(await changes()).toMatchObject({ changed: true });
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
    expect(await changes()).toMatchObject({ changed: false });
  });

  it('counts an API token change as a change', async () => {
    const d = await newDomain(h);
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app, rights: { view: true } } });
    expect(made.statusCode, made.body).toBe(200);
    const res = await d.request({ method: 'GET', url: `/k/v1/preview/app/changes.json?app=${app}`, as: d.member });
    expect(res.json()).toMatchObject({ changed: true });
  });

  it('answers for a guest space’s app under the space’s path only', async () => {
    const d = await newDomain(h);
    const space = await addSpace(d, d.admin, { isGuest: true });
    const app = await deployedApp(d, FIELDS, { guestSpace: space.id });
    const ok = await d.request({ method: 'GET', url: `/k/guest/${space.id}/v1/preview/app/changes.json?app=${app}`, as: d.admin });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ deployed: true, changed: false });
    const plain = await d.request({ method: 'GET', url: `/k/v1/preview/app/changes.json?app=${app}`, as: d.admin });
    expect([plain.statusCode, plain.json().code]).toEqual([400, 'GAIA_IL23']);
  });

  it('refuses people who do not manage the app, as the other preview reads do', async () => {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const res = await d.request({ method: 'GET', url: `/k/v1/preview/app/changes.json?app=${app}`, as: carol });
    expect([res.statusCode, res.json().code]).toEqual([403, 'CB_NO02']);
    const missing = await d.request({ method: 'GET', url: '/k/v1/preview/app/changes.json?app=99999', as: d.member });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'GAIA_AP01']);
  });
});
