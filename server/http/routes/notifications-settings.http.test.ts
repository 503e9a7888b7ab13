// kintone's app notification settings: general, per-record and reminder, read live and in
// preview by the app's managers, saved to preview, live after deploy; every problem named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  due: { type: 'DATE', code: 'due', label: 'Due' },
  memo: { type: 'MULTI_LINE_TEXT', code: 'memo', label: 'Memo' },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world(): Promise<{ d: TestDomain; app: number }> {
    const d = await newDomain(h);
    await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'sales', name: 'Sales' }] } });
    const app = await deployedApp(d, FIELDS);
    return { d, app };
  }

  const deploy = (d: TestDomain, app: number) => d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });

  describe('general notifications', () => {
    it("start with kintone's defaults: comments notify the creator and the last modifier, and earlier commenters", async () => {
      const { d, app } = await world();
      const res = await d.request({ method: 'GET', url: `/k/v1/app/notifications/general.json?app=${app}`, as: d.admin });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.notifyToCommenter).toBe(true);
      expect(body.notifications.map((n: { entity: unknown; commentAdded: boolean; recordAdded: boolean }) => [n.entity, n.commentAdded, n.recordAdded])).toEqual([
        [{ type: 'FIELD_ENTITY', code: 'Created_by' }, true, false],
        [{ type: 'FIELD_ENTITY', code: 'Updated_by' }, true, false],
      ]);
    });

    it('are saved to preview, go live at deploy, and keep what a PUT leaves out', async () => {
      const { d, app } = await world();
      const put = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/general.json',
        as: d.admin,
        payload: { app, notifications: [{ entity: { type: 'GROUP', code: 'sales' }, recordAdded: true, recordEdited: 'true' }, { entity: { type: 'FIELD_ENTITY', code: 'owner' }, statusChanged: true }] },
      });
      expect(put.statusCode, put.body).toBe(200);
      const revision = put.json().revision;
      const second = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/general.json', as: d.admin, payload: { app, notifyToCommenter: false, revision } });
      expect(second.statusCode, second.body).toBe(200);
      const preview = (await d.request({ method: 'GET', url: `/k/v1/preview/app/notifications/general.json?app=${app}`, as: d.admin })).json();
      expect(preview).toEqual({
        notifications: [
          { entity: { type: 'GROUP', code: 'sales' }, includeSubs: false, recordAdded: true, recordEdited: true, commentAdded: false, statusChanged: false, fileImported: false },
          { entity: { type: 'FIELD_ENTITY', code: 'owner' }, includeSubs: false, recordAdded: false, recordEdited: false, commentAdded: false, statusChanged: true, fileImported: false },
        ],
        notifyToCommenter: false,
        revision: String(Number(revision) + 1),
      });
      const liveBefore = (await d.request({ method: 'GET', url: `/k/v1/app/notifications/general.json?app=${app}`, as: d.admin })).json();
      expect(liveBefore.notifyToCommenter).toBe(true);
      await deploy(d, app);
      const live = (await d.request({ method: 'GET', url: `/k/v1/app/notifications/general.json?app=${app}`, as: d.admin })).json();
      expect(live.notifications).toEqual(preview.notifications);
      expect(live.notifyToCommenter).toBe(false);
    });

    it('names every unknown person and every field that names nobody', async () => {
      const { d, app } = await world();
      const res = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/general.json',
        as: d.admin,
        payload: {
          app,
          notifications: [
            { entity: { type: 'USER', code: 'nobody' }, recordAdded: true },
            { entity: { type: 'FIELD_ENTITY', code: 'title' }, recordAdded: true },
            { entity: { type: 'FIELD_ENTITY', code: 'missing' }, recordAdded: true },
            { entity: { type: 'ORGANIZATION', code: 'nowhere' }, recordAdded: true },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual([
        'notifications[0].entity.code',
        'notifications[1].entity.code',
        'notifications[2].entity.code',
        'notifications[3].entity.code',
      ]);
    });

    it('are for the app’s managers only', async () => {
      const { d, app } = await world();
      const res = await d.request({ method: 'GET', url: `/k/v1/app/notifications/general.json?app=${app}`, as: d.member });
      expect(res.statusCode).toBe(403);
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/general.json', as: d.member, payload: { app, notifyToCommenter: false } });
      expect(put.statusCode).toBe(403);
      const unknown = await d.request({ method: 'GET', url: '/k/v1/app/notifications/general.json?app=99999', as: d.admin });
      expect(unknown.json().code).toBe('GAIA_AP01');
    });
  });

  describe('per-record notifications', () => {
    it('are saved with their conditions, titles and targets', async () => {
      const { d, app } = await world();
      const notifications = [{ filterCond: 'title like "urgent"', title: 'Urgent!', targets: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, includeSubs: false }] }];
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/perRecord.json', as: d.admin, payload: { app, notifications } });
      expect(put.statusCode, put.body).toBe(200);
      const got = (await d.request({ method: 'GET', url: `/k/v1/preview/app/notifications/perRecord.json?app=${app}`, as: d.admin })).json();
      expect(got).toEqual({ notifications, revision: put.json().revision });
      expect((await d.request({ method: 'GET', url: `/k/v1/app/notifications/perRecord.json?app=${app}`, as: d.admin })).json().notifications).toEqual([]);
    });

    it('refuse conditions kintone refuses and titles over 100 characters', async () => {
      const { d, app } = await world();
      const res = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/perRecord.json',
        as: d.admin,
        payload: {
          app,
          notifications: [
            { filterCond: 'memo like "x"', title: 't', targets: [] },
            { filterCond: 'title = ', title: 't', targets: [] },
            { filterCond: '', title: 'x'.repeat(101), targets: [{ entity: { type: 'USER', code: 'ghost' } }] },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['notifications[2].title']);
      const conds = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/perRecord.json',
        as: d.admin,
        payload: { app, notifications: [{ filterCond: 'memo like "x"', targets: [] }, { filterCond: 'title = ', targets: [{ entity: { type: 'USER', code: 'ghost' } }] }] },
      });
      expect(Object.keys(conds.json().errors).sort()).toEqual(['notifications[0].filterCond', 'notifications[1].filterCond', 'notifications[1].targets[0].entity.code']);
    });
  });

  describe('reminder notifications', () => {
    it('take a relative or a time-of-day timing and a time zone', async () => {
      const { d, app } = await world();
      const notifications = [
        { timing: { code: 'due', daysLater: -1, time: '09:00' }, filterCond: '', title: 'Due tomorrow', targets: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, includeSubs: false }] },
        { timing: { code: 'Created_datetime', daysLater: '2', hoursLater: '-3' }, filterCond: 'title != ""', title: '', targets: [{ entity: { type: 'GROUP', code: 'sales' }, includeSubs: false }] },
      ];
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/reminder.json', as: d.admin, payload: { app, notifications, timezone: 'Europe/Paris' } });
      expect(put.statusCode, put.body).toBe(200);
      const got = (await d.request({ method: 'GET', url: `/k/v1/preview/app/notifications/reminder.json?app=${app}`, as: d.admin })).json();
      expect(got.timezone).toBe('Europe/Paris');
      expect(got.notifications.map((n: { timing: unknown }) => n.timing)).toEqual([
        { code: 'due', daysLater: '-1', time: '09:00' },
        { code: 'Created_datetime', daysLater: '2', hoursLater: '-3' },
      ]);
      const live = (await d.request({ method: 'GET', url: `/k/v1/app/notifications/reminder.json?app=${app}`, as: d.admin })).json();
      expect(live).toMatchObject({ notifications: [], timezone: 'Asia/Tokyo' });
    });

    it('name every problem of a timing', async () => {
      const { d, app } = await world();
      const res = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/reminder.json',
        as: d.admin,
        payload: {
          app,
          timezone: 'Mars/Olympus',
          notifications: [
            { timing: { code: 'title', daysLater: 1, hoursLater: 1 }, targets: [] },
            { timing: { code: 'due', daysLater: 1 }, targets: [] },
            { timing: { code: 'due', daysLater: 1, time: '09:05' }, targets: [] },
            { timing: { code: 'due', daysLater: 10001, hoursLater: 1 }, targets: [] },
            { timing: { code: 'nothing', daysLater: 0, time: '09:00', hoursLater: 2 }, targets: [] },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['notifications[3].timing.daysLater']);
      const res2 = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/reminder.json',
        as: d.admin,
        payload: {
          app,
          timezone: 'Mars/Olympus',
          notifications: [
            { timing: { code: 'title', daysLater: 1, hoursLater: 1 }, targets: [] },
            { timing: { code: 'due', daysLater: 1 }, targets: [] },
            { timing: { code: 'due', daysLater: 1, time: '09:05' }, targets: [] },
            { timing: { code: 'nothing', daysLater: 0, time: '09:00', hoursLater: 2 }, targets: [] },
          ],
        },
      });
      expect(Object.keys(res2.json().errors).sort()).toEqual([
        'notifications[0].timing.code',
        'notifications[1].timing',
        'notifications[2].timing.time',
        'notifications[3].timing',
        'notifications[3].timing.code',
        'timezone',
      ]);
    });

    it('follow a renamed field', async () => {
      const { d, app } = await world();
      await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/notifications/reminder.json',
        as: d.admin,
        payload: { app, notifications: [{ timing: { code: 'due', daysLater: 0, time: '08:00' }, targets: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' } }] }] },
      });
      const renamed = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: { app, properties: { due: { type: 'DATE', code: 'deadline', label: 'Due' }, owner: { type: 'USER_SELECT', code: 'person', label: 'Owner' } } },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const got = (await d.request({ method: 'GET', url: `/k/v1/preview/app/notifications/reminder.json?app=${app}`, as: d.admin })).json();
      expect(got.notifications[0].timing.code).toBe('deadline');
      expect(got.notifications[0].targets[0].entity).toEqual({ type: 'FIELD_ENTITY', code: 'person' });
    });
  });
});
