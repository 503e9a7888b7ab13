// The worked sample of docs/licences.md, built for real on both databases: users and guests made
// through the API, each guest's first sign-in on its own day by the injected clock, one guest
// suspended, then the estimate read as JSON and as CSV on 10 November 2026. The totals are the
// hand calculation in the docs (MISSION §6 prices: Standard user 1,800, guest 1,440; Premium
// public-view plan 18,000): change both together. estimate.test.ts checks the same sample
// without a database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_PATH, ESTIMATE_CSV_PATH, ESTIMATE_PATH, type EstimateJson } from '../../../common/api/licences.js';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const TODAY = '2026-11-10T01:00:00Z'; // 10:00 on 10 November 2026 in Tokyo

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  /** 10:00 in Tokyo on `day`. */
  const setDay = (day: string) => {
    h.clock.current = new Date(`${day}T01:00:00Z`);
  };

  /** A Standard domain with 25 user licences, 23 active users and 5 guest licences. */
  async function sampleDomain(contract: Record<string, unknown>): Promise<TestDomain> {
    setDay('2025-12-01');
    const d = await newDomain(h); // admin and member
    for (let i = 3; i <= 23; i++) await d.addUser(`user${i}`);
    const set = await d.request({
      method: 'PUT',
      url: CONTRACT_PATH,
      as: d.admin,
      payload: { course: 'standard', userLicences: 25, guests: { licences: 5 }, ...contract },
    });
    expect(set.statusCode, set.body).toBe(200);
    return d;
  }

  /** Guests whose first sign-in (their trial's day 0) falls on each day, in date order. */
  async function guestsSignedInOn(d: TestDomain, days: string[]): Promise<void> {
    for (const [i, day] of days.entries()) {
      setDay(day);
      const g = await addGuest(d, `guest${i + 1}@example.com`);
      const me = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g });
      expect(me.statusCode, me.body).toBe(200);
    }
  }

  async function estimateOf(d: TestDomain): Promise<EstimateJson> {
    const res = await d.request({ method: 'GET', url: ESTIMATE_PATH, as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const table = (e: EstimateJson) =>
    e.periods.map((p) => ({ label: p.label, from: p.from, to: p.to, lines: p.lines.map((l) => [l.item, l.licences, l.inUse, l.quantity, l.months, l.unitPrice, l.amount]), total: p.total }));

  /** A period as `table` shows it. */
  const period = (label: string, from: string, to: string, total: number, lines: unknown[][]) => ({ label, from, to, lines, total });

  async function csvTotals(d: TestDomain): Promise<string[]> {
    const res = await d.request({ method: 'GET', url: `${ESTIMATE_CSV_PATH}?locale=en`, as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.body.split('\r\n').filter((r) => r.includes(',Total,'));
  }

  describe('the sample domain of docs/licences.md', () => {
    it('monthly: 70,200 yen for November and 71,640 yen for December', async () => {
      const d = await sampleDomain({ term: 'monthly', startDate: '2026-04-01', viewPlan: 'premium' });
      // guest3 signs in on 1 July and is suspended later; guest6 and guest7 are in their trial.
      await guestsSignedInOn(d, ['2026-04-01', '2026-06-15', '2026-07-01', '2026-08-20', '2026-09-30', '2026-11-05', '2026-11-08']);
      const off = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'guest3@example.com', valid: false }] } });
      expect(off.statusCode, off.body).toBe(200);
      h.clock.current = new Date(TODAY);

      const states = await d.request({ method: 'GET', url: '/v1/licences/guests.json', as: d.admin });
      expect((states.json().guests as Array<{ email: string; state: string; trialEnds: string }>).map((g) => [g.email, g.state, g.trialEnds])).toEqual([
        ['guest1@example.com', 'required', '2026-05-01'],
        ['guest2@example.com', 'required', '2026-07-15'],
        ['guest3@example.com', 'notRequired', '2026-07-31'],
        ['guest4@example.com', 'required', '2026-09-19'],
        ['guest5@example.com', 'required', '2026-10-30'],
        ['guest6@example.com', 'trial', '2026-12-05'],
        ['guest7@example.com', 'trial', '2026-12-08'],
      ]);

      expect(table(await estimateOf(d))).toEqual([
        period('currentMonth', '2026-11-01', '2026-11-30', 70_200, [
          ['users', 25, 23, 25, 1, 1_800, 45_000],
          ['guests', 5, 4, 5, 1, 1_440, 7_200],
          ['viewPlan', 1, 1, 1, 1, 18_000, 18_000],
        ]),
        period('nextMonth', '2026-12-01', '2026-12-31', 71_640, [
          ['users', 25, 23, 25, 1, 1_800, 45_000],
          ['guests', 5, 6, 6, 1, 1_440, 8_640],
          ['viewPlan', 1, 1, 1, 1, 18_000, 18_000],
        ]),
      ]);
      expect(await csvTotals(d)).toEqual([
        'Current month,2026-11-01,2026-11-30,Standard,Monthly,Total,,,,,,70200',
        'Next month,2026-12-01,2026-12-31,Standard,Monthly,Total,,,,,,71640',
      ]);

      // On the Wide course users cost 3,000, and guests still the Standard guest price, 1,440.
      const wide = await d.request({ method: 'PUT', url: CONTRACT_PATH, as: d.admin, payload: { course: 'wide' } });
      expect(wide.statusCode, wide.body).toBe(200);
      expect((await estimateOf(d)).periods.map((p) => [p.lines.map((l) => [l.item, l.unitPrice, l.amount]), p.total])).toEqual([
        [[['users', 3_000, 75_000], ['guests', 1_440, 7_200], ['viewPlan', 18_000, 18_000]], 100_200],
        [[['users', 3_000, 75_000], ['guests', 1_440, 8_640], ['viewPlan', 18_000, 18_000]], 101_640],
      ]);
    });

    it('annual: 635,040 yen for the current term with a guest added mid-term, 643,680 yen for the next', async () => {
      const d = await sampleDomain({ term: 'annual', startDate: '2026-04-01' });
      await guestsSignedInOn(d, ['2026-01-05', '2026-01-06', '2026-02-01', '2026-02-15', '2026-03-01', '2026-09-14']);
      h.clock.current = new Date(TODAY);

      const e = await estimateOf(d);
      expect(e.contract).toMatchObject({ term: 'annual', startDate: '2026-04-01', endDate: '2027-03-31' });
      expect(table(e)).toEqual([
        period('currentTerm', '2026-04-01', '2027-03-31', 635_040, [
          ['users', 25, 23, 25, 12, 1_800, 540_000],
          ['guests', 5, 5, 5, 12, 1_440, 86_400],
          // Required from 15 October: October to March, 6 guest-months.
          ['guestsProRata', 0, 1, 6, 1, 1_440, 8_640],
        ]),
        period('nextTerm', '2027-04-01', '2028-03-31', 643_680, [
          ['users', 25, 23, 25, 12, 1_800, 540_000],
          ['guests', 5, 6, 6, 12, 1_440, 103_680],
        ]),
      ]);
      expect(await csvTotals(d)).toEqual([
        'Current term,2026-04-01,2027-03-31,Standard,Annual,Total,,,,,,635040',
        'Next term,2027-04-01,2028-03-31,Standard,Annual,Total,,,,,,643680',
      ]);
    });
  });
});
