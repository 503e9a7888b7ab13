// Reminder notifications, sent by the background job at their time (the test moves the clock
// and runs the job by hand): relative to a date, date-time or creation time, before or after,
// or at a time of day in the reminder's zone; only records meeting the condition then; once per
// record and date value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { runReminders } from '../../domain/notifications/reminders.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  due: { type: 'DATE', code: 'due', label: 'Due' },
  deadline: { type: 'DATETIME', code: 'deadline', label: 'Deadline' },
  open: {
    type: 'DROP_DOWN',
    code: 'open',
    label: 'Open',
    options: { yes: { label: 'yes', index: '0' }, no: { label: 'no', index: '1' } },
  },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const owner = [{ entity: { type: 'FIELD_ENTITY', code: 'owner' } }];

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    alice: Persona;
  }

  async function world(notifications: unknown[], timezone = 'UTC'): Promise<World> {
    const d = await newDomain(h);
    const alice = await d.addUser('alice');
    const app = await deployedApp(d, FIELDS);
    const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/reminder.json', as: d.admin, payload: { app, notifications, timezone } });
    expect(put.statusCode, put.body).toBe(200);
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    // The job's first run for the app starts counting from now.
    await run();
    return { d, app, alice };
  }

  const run = () => runReminders(h.services, MINUTE);
  const at = async (ms: number) => {
    h.clock.current = new Date(ms);
    await run();
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const minute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

  async function reminders(w: World, who: Persona = w.alice): Promise<Array<[string | undefined, string | undefined, boolean]>> {
    const res = await w.d.request({ method: 'GET', url: '/v1/notifications.json?limit=100', as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().notifications.map((n: { kind: string; title?: string; record: { title: string } | null; toMe: boolean }) => {
      expect(n.kind).toBe('reminder');
      return [n.title, n.record?.title, n.toMe];
    });
  }

  async function add(w: World, record: Record<string, unknown>): Promise<string> {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, record: { owner: { value: [{ code: 'alice' }] }, ...record } } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  describe('reminders', () => {
    it('fire at a time of day before a date, in the reminder’s zone, once', async () => {
      const w = await world([{ timing: { code: 'due', daysLater: -1, time: '09:00' }, title: 'Due tomorrow', targets: owner }], 'Asia/Tokyo');
      const due = day(h.clock.now().getTime() + 3 * DAY);
      await add(w, { title: { value: 'Report' }, due: { value: due } });
      // 09:00 in Tokyo the day before is midnight UTC.
      const fire = Date.parse(`${due}T00:00:00Z`) - DAY;
      await at(fire - MINUTE);
      expect(await reminders(w)).toEqual([]);
      await at(fire);
      expect(await reminders(w)).toEqual([['Due tomorrow', 'Report', true]]);
      await at(fire + MINUTE);
      await at(fire + DAY);
      expect(await reminders(w)).toHaveLength(1);
    });

    it('fire hours before a date-time for the records that meet the condition then, and again for a new date', async () => {
      const w = await world([{ timing: { code: 'deadline', daysLater: 0, hoursLater: -2 }, filterCond: 'open in ("yes")', title: 'Soon', targets: owner }]);
      const start = minute(h.clock.now().getTime());
      const deadline = start + 5 * HOUR;
      const id = await add(w, { title: { value: 'Open one' }, deadline: { value: iso(deadline) }, open: { value: 'yes' } });
      await add(w, { title: { value: 'Closed one' }, deadline: { value: iso(deadline) }, open: { value: 'no' } });
      await at(start + 3 * HOUR);
      expect(await reminders(w)).toEqual([['Soon', 'Open one', true]]);
      // Moved an hour later: the new value has its own reminder.
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, id, record: { deadline: { value: iso(deadline + HOUR) } } } });
      await at(start + 4 * HOUR);
      expect(await reminders(w)).toHaveLength(2);
      // Moved to a time whose reminder has passed: nothing is sent late.
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, id, record: { deadline: { value: iso(start + 5 * HOUR) } } } });
      await at(start + 6 * HOUR);
      expect(await reminders(w)).toHaveLength(2);
    });

    it('fire days after a record was created', async () => {
      const w = await world([{ timing: { code: 'Created_datetime', daysLater: 1, hoursLater: 0 }, title: 'A day old', targets: owner }]);
      const created = minute(h.clock.now().getTime());
      await add(w, { title: { value: 'New' } });
      await at(created + DAY - MINUTE);
      expect(await reminders(w)).toEqual([]);
      await at(created + DAY);
      expect(await reminders(w)).toEqual([['A day old', 'New', true]]);
    });

    it('count hours from the start of a date, and a time of day from a date-time’s day', async () => {
      const w = await world([
        { timing: { code: 'due', daysLater: 1, hoursLater: 9 }, title: 'Day after, 9am', targets: owner },
        { timing: { code: 'deadline', daysLater: 0, time: '18:00' }, title: 'Evening of', targets: owner },
      ]);
      const base = day(h.clock.now().getTime() + 2 * DAY);
      await add(w, { title: { value: 'Both kinds' }, due: { value: base }, deadline: { value: `${base}T03:30:00Z` } });
      const evening = Date.parse(`${base}T18:00:00Z`);
      await at(evening - MINUTE);
      expect(await reminders(w)).toEqual([]);
      await at(evening);
      expect(await reminders(w)).toEqual([['Evening of', 'Both kinds', true]]);
      await at(evening + 15 * HOUR - MINUTE);
      expect(await reminders(w)).toHaveLength(1);
      await at(evening + 15 * HOUR);
      expect((await reminders(w)).map(([title]) => title)).toEqual(['Day after, 9am', 'Evening of']);
    });

    it('are sent once when two servers run the job at the same moment', async () => {
      const w = await world([{ timing: { code: 'due', daysLater: 0, time: '00:00' }, title: 'Today', targets: owner }]);
      const due = day(h.clock.now().getTime() + DAY);
      await add(w, { title: { value: 'Both' }, due: { value: due } });
      h.clock.current = new Date(Date.parse(`${due}T00:00:00Z`));
      await Promise.all([run(), run()]);
      expect(await reminders(w)).toEqual([['Today', 'Both', true]]);
    });
  });
});
