// The estimate over HTTP on both databases, with the injected clock: a guest through day 0,
// day 30 and day 31 of its trial across a month boundary, an annual term with a guest added
// mid-term, a course upgrade and a renewal; the CSV export; and who may see any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_PATH, ESTIMATE_CSV_PATH, ESTIMATE_PATH, type EstimateJson, type EstimateLine, type EstimatePeriod } from '../../../common/api/licences.js';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const DAY = 86_400_000;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  /** Moves the shared clock (forward or back) to an instant; each test starts from its own. */
  const setNow = (iso: string) => h.clock.advance(Date.parse(iso) - h.clock.now().getTime());

  async function putContract(d: TestDomain, payload: Record<string, unknown>) {
    const res = await d.request({ method: 'PUT', url: CONTRACT_PATH, as: d.admin, payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  async function estimateOf(d: TestDomain): Promise<EstimateJson> {
    const res = await d.request({ method: 'GET', url: ESTIMATE_PATH, as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  /** The guest's first sign-in (any request with its password header), which starts its trial. */
  async function signIn(d: TestDomain, g: Persona) {
    const res = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g });
    expect(res.statusCode, res.body).toBe(200);
  }
  const guestLine = (p: EstimatePeriod | undefined, item: EstimateLine['item'] = 'guests') => p?.lines.find((l) => l.item === item);
  const summary = (e: EstimateJson) => e.periods.map((p) => ({ label: p.label, from: p.from, to: p.to, guests: guestLine(p)?.inUse ?? null, total: p.total }));

  it('answers a domain without a contract with no periods', async () => {
    const d = await newDomain(h);
    expect(await estimateOf(d)).toEqual({ contract: null, periods: [] });
  });

  it('monthly: a guest is free through day 30 and billed from day 31, month by month', async () => {
    setNow('2026-10-31T01:00:00Z'); // 10:00 on 31 October in Tokyo
    const d = await newDomain(h);
    await putContract(d, { course: 'standard', term: 'monthly', userLicences: 5, startDate: '2026-10-01' });
    const g = await addGuest(d, 'trial@example.com');
    const suspended = await addGuest(d, 'suspended@example.com');
    await addGuest(d, 'never@example.com'); // never signs in: never billed
    await signIn(d, g); // day 0: the trial ends on 30 November
    await signIn(d, suspended);
    const off = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: suspended.code, valid: false }] } });
    expect(off.statusCode, off.body).toBe(200);

    const day0 = await estimateOf(d);
    expect(day0.contract).toMatchObject({ course: 'standard', term: 'monthly', userLicences: 5, guestLicences: 0 });
    expect(summary(day0)).toEqual([
      { label: 'currentMonth', from: '2026-10-01', to: '2026-10-31', guests: null, total: 5 * 1_800 },
      { label: 'nextMonth', from: '2026-11-01', to: '2026-11-30', guests: null, total: 5 * 1_800 },
    ]);
    expect(day0.periods[0]!.lines).toEqual([{ item: 'users', licences: 5, inUse: 2, quantity: 5, months: 1, unitPrice: 1_800, amount: 9_000 }]);

    h.clock.advance(30 * DAY); // day 30, 30 November: still the trial, paid from December
    expect(summary(await estimateOf(d))).toEqual([
      { label: 'currentMonth', from: '2026-11-01', to: '2026-11-30', guests: null, total: 9_000 },
      { label: 'nextMonth', from: '2026-12-01', to: '2026-12-31', guests: 1, total: 9_000 + 1_440 },
    ]);

    h.clock.advance(DAY); // day 31, 1 December: a paid guest licence, with nobody doing anything
    const day31 = await estimateOf(d);
    expect(summary(day31)).toEqual([
      { label: 'currentMonth', from: '2026-12-01', to: '2026-12-31', guests: 1, total: 10_440 },
      { label: 'nextMonth', from: '2027-01-01', to: '2027-01-31', guests: 1, total: 10_440 },
    ]);
    expect(guestLine(day31.periods[0])).toEqual({ item: 'guests', licences: 0, inUse: 1, quantity: 1, months: 1, unitPrice: 1_440, amount: 1_440 });
  });

  it('annual: base at the start, pro rata for a guest added mid-term, dearer after a course upgrade, in the base after renewal', async () => {
    setNow('2026-05-10T01:00:00Z');
    const d = await newDomain(h);
    // Guests first: the Light course has no kintone REST API, which addGuest goes through.
    const a = await addGuest(d, 'a@example.com');
    const b = await addGuest(d, 'b@example.com');
    await putContract(d, { course: 'light', term: 'annual', userLicences: 3, startDate: '2026-04-01', guests: { licences: 1 } });
    await signIn(d, a);
    h.clock.advance(DAY);
    await signIn(d, b); // both required from June: a takes the spare licence, b is charged June–March

    const light = await estimateOf(d);
    const term = light.periods[0]!;
    expect([term.label, term.from, term.to, term.course]).toEqual(['currentTerm', '2026-04-01', '2027-03-31', 'light']);
    expect(term.lines).toEqual([
      { item: 'users', licences: 3, inUse: 2, quantity: 3, months: 12, unitPrice: 1_000, amount: 36_000 },
      { item: 'guests', licences: 1, inUse: 0, quantity: 1, months: 12, unitPrice: 700, amount: 8_400 },
      { item: 'guestsProRata', licences: 0, inUse: 1, quantity: 10, months: 1, unitPrice: 700, amount: 7_000 },
    ]);
    expect(term.total).toBe(51_400);

    await putContract(d, { course: 'standard' });
    const standard = (await estimateOf(d)).periods[0]!;
    expect(standard.lines.map((l) => [l.item, l.unitPrice, l.amount])).toEqual([
      ['users', 1_800, 64_800],
      ['guests', 1_440, 17_280],
      ['guestsProRata', 1_440, 14_400],
    ]);

    setNow('2027-03-31T14:59:59Z'); // 23:59:59 on the last day of the term
    expect((await estimateOf(d)).periods[0]!.from).toBe('2026-04-01');
    h.clock.advance(1_000); // midnight: the renewed term
    const renewed = await estimateOf(d);
    expect(renewed.periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['currentTerm', '2027-04-01', '2028-03-31'],
      ['nextTerm', '2028-04-01', '2029-03-31'],
    ]);
    expect(renewed.periods[0]!.lines.map((l) => [l.item, l.inUse, l.quantity, l.amount])).toEqual([
      ['users', 2, 3, 64_800],
      ['guests', 2, 2, 34_560],
    ]);
  });

  it('exports the estimate as CSV for Excel, headed in the reader’s language', async () => {
    setNow('2026-11-10T01:00:00Z');
    const d = await newDomain(h);
    await putContract(d, { course: 'standard', term: 'monthly', userLicences: 2, startDate: '2026-11-01', guests: { licences: 1 }, viewPlan: 'premium' });

    const ja = await d.request({ method: 'GET', url: `${ESTIMATE_CSV_PATH}?locale=ja`, as: d.admin });
    expect(ja.statusCode, ja.body).toBe(200);
    expect(ja.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(ja.headers['content-disposition']).toBe('attachment; filename="engawa-estimate-2026-11-10.csv"');
    expect(ja.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = ja.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows).toEqual([
      '期間,開始日,終了日,コース,契約期間,項目,ライセンス数,利用数,数量,月数,単価（円）,金額（円）',
      '当月,2026-11-01,2026-11-30,スタンダードコース,月額,ユーザー,2,2,2,1,1800,3600',
      '当月,2026-11-01,2026-11-30,スタンダードコース,月額,ゲストユーザー,1,0,1,1,1440,1440',
      '当月,2026-11-01,2026-11-30,スタンダードコース,月額,公開ビュープラン,1,1,1,1,18000,18000',
      '当月,2026-11-01,2026-11-30,スタンダードコース,月額,合計,,,,,,23040',
      '翌月,2026-12-01,2026-12-31,スタンダードコース,月額,ユーザー,2,2,2,1,1800,3600',
      '翌月,2026-12-01,2026-12-31,スタンダードコース,月額,ゲストユーザー,1,0,1,1,1440,1440',
      '翌月,2026-12-01,2026-12-31,スタンダードコース,月額,公開ビュープラン,1,1,1,1,18000,18000',
      '翌月,2026-12-01,2026-12-31,スタンダードコース,月額,合計,,,,,,23040',
      '',
    ]);

    // Without `locale`, the caller's own language (the administrator's is English here).
    for (const url of [`${ESTIMATE_CSV_PATH}?locale=en`, ESTIMATE_CSV_PATH]) {
      const en = await d.request({ method: 'GET', url, as: d.admin });
      expect(en.statusCode, en.body).toBe(200);
      const lines = en.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe('Period,From,To,Course,Term,Item,Licences,In use,Quantity,Months,Unit price (JPY),Amount (JPY)');
      expect(lines[4]).toBe('Current month,2026-11-01,2026-11-30,Standard,Monthly,Total,,,,,,23040');
      expect(lines[8]).toBe('Next month,2026-12-01,2026-12-31,Standard,Monthly,Total,,,,,,23040');
    }
    const bad = await d.request({ method: 'GET', url: `${ESTIMATE_CSV_PATH}?locale=fr`, as: d.admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CB_VA01');

    const none = await newDomain(h);
    const empty = await none.request({ method: 'GET', url: ESTIMATE_CSV_PATH, as: none.admin });
    expect(empty.body).toBe('\uFEFFPeriod,From,To,Course,Term,Item,Licences,In use,Quantity,Months,Unit price (JPY),Amount (JPY)\r\n');
  });

  describe('who may see it', () => {
    it('refuses members and guests with CB_NO02, JSON and CSV alike', async () => {
      const d = await newDomain(h);
      await putContract(d, { course: 'standard', term: 'monthly', userLicences: 5, startDate: '2026-04-01' });
      const g = await addGuest(d, 'guest@example.com');
      for (const as of [d.member, g]) {
        for (const url of [ESTIMATE_PATH, ESTIMATE_CSV_PATH]) {
          const res = await d.request({ method: 'GET', url, as });
          expect(res.statusCode, `${as.code} ${url}`).toBe(403);
          expect(res.json().code).toBe('CB_NO02');
        }
      }
    });
  });
});
