// Scheduled visitor sync: a manager sets a view's sync to run hourly or daily; the visitor sweep
// runs what is due as that manager (one process per run: the claim), and the schedule's last run
// — its time, counts or refusal — is read through the management API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERRORS } from '../../../common/errors.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { MEMBER_LIST, memberView, memberWorld } from '../../../test/support/public-visitors.js';
import { runDueSyncs } from '../../domain/public-views/visitors/sync-schedule.js';

const SCHEDULE = '/v1/public-view/visitors/sync/schedule.json';
const HOUR = 3_600_000;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  async function world() {
    const w = await memberWorld(h);
    const v = await memberView(w, { settings: MEMBER_LIST });
    const visitors = async () =>
      ((await w.d.request({ method: 'GET', url: `/v1/public-view/visitors.json?id=${v.id}`, as: w.d.admin })).json().visitors as Array<{ email: string }>).map((x) => x.email);
    const schedule = async (as = w.d.admin, lang = 'en') => w.d.request({ method: 'GET', url: `${SCHEDULE}?id=${v.id}`, as, headers: { 'accept-language': lang } });
    return { w, v, visitors, schedule };
  }

  it('runs hourly as the manager who set it, once however many processes find it due, with its status', async () => {
    const { w, v, visitors, schedule } = await world();
    expect((await schedule()).json()).toEqual({ schedule: null });
    const put = await w.d.request({ method: 'PUT', url: SCHEDULE, as: w.d.admin, payload: { id: v.id, app: w.app, emailField: 'owner', attributes: { team: 'team' }, every: 'hourly' } });
    expect(put.statusCode, put.body).toBe(200);
    const start = h.clock.now().getTime();
    expect(put.json().schedule).toMatchObject({ app: String(w.app), emailField: 'owner', every: 'hourly', lastRunAt: null, lastResult: null, lastError: null, nextRunAt: new Date(start + HOUR).toISOString() });
    // Not due yet.
    expect(await runDueSyncs(h.services)).toBe(0);
    expect(await visitors()).toEqual([]);
    h.clock.advance(HOUR);
    // Two processes at once: one runs it.
    const ran = await Promise.all([runDueSyncs(h.services), runDueSyncs(h.services)]);
    expect(ran[0]! + ran[1]!).toBe(1);
    expect(await visitors()).toEqual(['alice@example.com', 'bob@example.com']);
    const after = (await schedule()).json().schedule;
    expect(after).toMatchObject({ lastRunAt: new Date(start + HOUR).toISOString(), lastResult: { added: 2, updated: 0, removed: 0, skipped: 2 }, lastError: null, nextRunAt: new Date(start + 2 * HOUR).toISOString() });
    // The app changes; the next hour's run follows.
    await w.d.request({ method: 'DELETE', url: '/k/v1/records.json', as: w.d.admin, payload: { app: w.app, ids: [w.ids.B1] } });
    h.clock.advance(HOUR);
    expect(await runDueSyncs(h.services)).toBe(1);
    expect(await visitors()).toEqual(['alice@example.com']);
    // Only the view's managers see or change it.
    expect((await schedule(w.d.member)).statusCode).toBe(404);
    const audit = await w.d.request({ method: 'GET', url: '/v1/audit.json?limit=100', as: w.d.admin });
    if (audit.statusCode === 200) expect(audit.body).toContain('publicView.visitors.syncSchedule');
  });

  it('keeps a refused run as its last error, in the reader\'s language, and can be removed', async () => {
    const { w, v, schedule } = await world();
    const manager = await w.d.addUser('syncer', { isAdmin: true });
    const put = await w.d.request({ method: 'PUT', url: SCHEDULE, as: manager, payload: { id: v.id, app: w.app, emailField: 'owner', every: 'daily' } });
    expect(put.statusCode, put.body).toBe(200);
    // A field that is not an address is refused when set, as a sync would be.
    const wrong = await w.d.request({ method: 'PUT', url: SCHEDULE, as: w.d.admin, payload: { id: v.id, app: w.app, emailField: 'amount', every: 'daily' } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'CB_PV39']);
    // The manager who set it is suspended: the run is refused, not run as anyone else.
    await h.services.db.updateTable('users').set({ valid: h.services.dialect === 'postgres' ? false : 0 }).where('domainId', '=', w.d.id).where('id', '=', manager.id).execute();
    h.clock.advance(24 * HOUR);
    // (The first test's hourly schedule is due again as well.)
    expect(await runDueSyncs(h.services)).toBeGreaterThanOrEqual(1);
    const en = (await schedule()).json().schedule;
    expect(en.lastError).toMatchObject({ code: 'CB_PV01' });
    expect(en.lastResult).toBeNull();
    expect(en.lastError.message).toBe(ERRORS.CB_PV01.message.en);
    await h.services.db.updateTable('users').set({ locale: 'ja' }).where('domainId', '=', w.d.id).where('id', '=', w.d.admin.id).execute();
    const ja = (await schedule(w.d.admin, 'ja')).json().schedule;
    expect(ja.lastError.message).toBe(ERRORS.CB_PV01.message.ja);
    const del = await w.d.request({ method: 'DELETE', url: SCHEDULE, as: w.d.admin, payload: { id: v.id } });
    expect(del.statusCode, del.body).toBe(200);
    expect((await schedule()).json()).toEqual({ schedule: null });
  });
});
