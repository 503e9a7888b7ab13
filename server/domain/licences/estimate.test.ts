// The estimate's rules, day by day, without a database; and the sample domain of
// docs/licences.md, so that the hand calculation there cannot drift from the code.
import { describe, expect, it } from 'vitest';
import type { ContractJson, EstimateJson, EstimateLine, EstimatePeriod } from '../../../common/api/licences.js';
import { type Day, dayStart } from '../../../common/licences/calendar.js';
import { guestLicence } from '../../../common/licences/guest-licence.js';
import { estimate, termMonthIndex } from './estimate.js';

const TODAY = '2026-11-10';

function contract(over: Partial<ContractJson> = {}): ContractJson {
  return {
    course: 'standard',
    term: 'monthly',
    userLicences: 10,
    guestLicences: 0,
    startDate: '2026-04-01',
    endDate: null,
    viewPlan: null,
    trialReminderDays: [7, 1],
    ...over,
  };
}

const annual = (over: Partial<ContractJson> = {}) => contract({ term: 'annual', endDate: '2027-03-31', ...over });

/** A guest whose first sign-in was at 10:00 in Tokyo on `day` (null: never), as seen today. */
function guest(day: Day | null, valid = true, today: Day = TODAY) {
  const g = { valid, trialStartedAt: day ? new Date(dayStart(day).getTime() + 10 * 3_600_000) : null };
  return { valid, licence: guestLicence(g, dayStart(today)) };
}

const period = (e: EstimateJson, label: EstimatePeriod['label']) => e.periods.find((p) => p.label === label)!;
const lineOf = (p: EstimatePeriod, item: EstimateLine['item']) => p.lines.find((l) => l.item === item);

describe('the estimate without a contract', () => {
  it('bills nothing', () => {
    expect(estimate(null, { activeUsers: 3, guests: [guest('2026-01-01')] }, TODAY)).toEqual({ contract: null, periods: [] });
  });
});

describe('a monthly estimate', () => {
  it('covers the current and the next calendar month, users at the larger of licences and people', () => {
    const e = estimate(contract({ userLicences: 10 }), { activeUsers: 8, guests: [] }, TODAY);
    expect(e.periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['currentMonth', '2026-11-01', '2026-11-30'],
      ['nextMonth', '2026-12-01', '2026-12-31'],
    ]);
    const current = period(e, 'currentMonth');
    expect(current.lines).toEqual([{ item: 'users', licences: 10, inUse: 8, quantity: 10, months: 1, unitPrice: 1_800, amount: 18_000 }]);
    expect(current.total).toBe(18_000);
    // More users than licences (the contract lowered after they were added): all are billed.
    expect(lineOf(period(estimate(contract({ userLicences: 10 }), { activeUsers: 12, guests: [] }, TODAY), 'nextMonth'), 'users')!.amount).toBe(12 * 1_800);
  });

  it('counts a guest from the month its trial ends in: required from day 31', () => {
    const guests = [
      guest('2026-10-01'), // day 30 is 31 October: required from 1 November
      guest('2026-10-31'), // day 30 is 30 November, its last day: required from 1 December
      guest('2026-11-05'), // the trial ends mid-December: December only
    ];
    const e = estimate(contract({ guestLicences: 0 }), { activeUsers: 1, guests }, TODAY);
    expect(lineOf(period(e, 'currentMonth'), 'guests')).toMatchObject({ licences: 0, inUse: 1, quantity: 1, amount: 1_440 });
    expect(lineOf(period(e, 'nextMonth'), 'guests')).toMatchObject({ licences: 0, inUse: 3, quantity: 3, amount: 3 * 1_440 });
  });

  it('never counts a suspended guest, nor one that has not signed in yet', () => {
    const guests = [guest('2026-01-01', false), guest('2026-11-01', false), guest(null)];
    const e = estimate(contract({ guestLicences: 0 }), { activeUsers: 1, guests }, TODAY);
    for (const p of e.periods) expect(lineOf(p, 'guests')).toBeUndefined();
    const held = estimate(contract({ guestLicences: 2 }), { activeUsers: 1, guests }, TODAY);
    for (const p of held.periods) expect(lineOf(p, 'guests')).toEqual({ item: 'guests', licences: 2, inUse: 0, quantity: 2, months: 1, unitPrice: 1_440, amount: 2_880 });
  });

  it('bills every paid guest when there are more than guest licences', () => {
    const guests = [guest('2026-01-01'), guest('2026-02-01'), guest('2026-03-01')];
    const e = estimate(contract({ guestLicences: 2 }), { activeUsers: 1, guests }, TODAY);
    expect(lineOf(period(e, 'currentMonth'), 'guests')).toMatchObject({ licences: 2, inUse: 3, quantity: 3, amount: 3 * 1_440 });
  });

  it('adds the public-view plan at its monthly price', () => {
    const e = estimate(contract({ viewPlan: 'professional', userLicences: 1 }), { activeUsers: 1, guests: [] }, TODAY);
    expect(lineOf(period(e, 'nextMonth'), 'viewPlan')).toEqual({ item: 'viewPlan', licences: 1, inUse: 1, quantity: 1, months: 1, unitPrice: 30_000, amount: 30_000 });
    expect(period(e, 'nextMonth').total).toBe(1_800 + 30_000);
  });

  it('bills nothing for a month before the contract starts, and the month it starts in whole', () => {
    const e = estimate(contract({ startDate: '2026-12-15', userLicences: 3, guestLicences: 1 }), { activeUsers: 2, guests: [guest('2026-01-01')] }, TODAY);
    expect(period(e, 'currentMonth')).toMatchObject({ from: '2026-11-01', to: '2026-11-30', lines: [], total: 0 });
    expect(period(e, 'nextMonth').total).toBe(3 * 1_800 + 1_440);
  });

  it('crosses the year: December is followed by January', () => {
    const e = estimate(contract(), { activeUsers: 1, guests: [] }, '2026-12-31');
    expect(e.periods.map((p) => [p.from, p.to])).toEqual([
      ['2026-12-01', '2026-12-31'],
      ['2027-01-01', '2027-01-31'],
    ]);
  });
});

describe('prices by course', () => {
  const people = { activeUsers: 2, guests: [guest('2026-01-01')] };

  it('prices Wide guests as Standard guests', () => {
    const current = period(estimate(contract({ course: 'wide', userLicences: 2, guestLicences: 1 }), people, TODAY), 'currentMonth');
    expect(lineOf(current, 'users')!.unitPrice).toBe(3_000);
    expect(lineOf(current, 'guests')!.unitPrice).toBe(1_440);
    expect(current.total).toBe(2 * 3_000 + 1_440);
  });

  it('raises the guest price with a course upgrade, Light 700 → Standard 1,440', () => {
    const light = period(estimate(contract({ course: 'light', userLicences: 2, guestLicences: 1 }), people, TODAY), 'currentMonth');
    const standard = period(estimate(contract({ course: 'standard', userLicences: 2, guestLicences: 1 }), people, TODAY), 'currentMonth');
    expect([lineOf(light, 'guests')!.amount, lineOf(standard, 'guests')!.amount]).toEqual([700, 1_440]);
    expect([light.total, standard.total]).toEqual([2 * 1_000 + 700, 2 * 1_800 + 1_440]);
  });
});

describe('an annual estimate', () => {
  it('covers the current term and its renewal, twelve months each', () => {
    const e = estimate(annual({ userLicences: 10, guestLicences: 2 }), { activeUsers: 4, guests: [] }, TODAY);
    expect(e.periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['currentTerm', '2026-04-01', '2027-03-31'],
      ['nextTerm', '2027-04-01', '2028-03-31'],
    ]);
    expect(period(e, 'currentTerm').lines).toEqual([
      { item: 'users', licences: 10, inUse: 4, quantity: 10, months: 12, unitPrice: 1_800, amount: 216_000 },
      { item: 'guests', licences: 2, inUse: 0, quantity: 2, months: 12, unitPrice: 1_440, amount: 34_560 },
    ]);
  });

  it('puts guests already required on the first day in the base, and charges later ones to the end of the term', () => {
    const guests = [
      guest('2026-01-10'), // required since February: base
      guest('2026-03-01'), // required from 1 April, the first day: base
      guest('2026-03-02'), // required from 2 April: April–March, 12 months
      guest('2026-09-14'), // required from 15 October: October–March, 6 months
      guest('2027-02-28'), // required from 31 March, the last day: 1 month
      guest('2027-03-01'), // required from 1 April 2027: the next term's base
    ];
    const e = estimate(annual({ guestLicences: 2 }), { activeUsers: 1, guests }, TODAY);
    const current = period(e, 'currentTerm');
    expect(lineOf(current, 'guests')).toMatchObject({ licences: 2, inUse: 2, quantity: 2, months: 12, amount: 2 * 12 * 1_440 });
    expect(lineOf(current, 'guestsProRata')).toEqual({ item: 'guestsProRata', licences: 0, inUse: 3, quantity: 19, months: 1, unitPrice: 1_440, amount: 19 * 1_440 });
    expect(lineOf(period(e, 'nextTerm'), 'guests')).toMatchObject({ inUse: 6, quantity: 6, months: 12 });
    expect(lineOf(period(e, 'nextTerm'), 'guestsProRata')).toBeUndefined();
  });

  it('lets base licences left over at the start absorb the first guests added mid-term, in date order', () => {
    const guests = [
      guest('2026-01-10'), // base, leaving 2 of 3 licences
      guest('2026-11-20'), // required from 21 December: third of the later ones, charged Dec–Mar
      guest('2026-05-01'), // required from 1 June: absorbed
      guest('2026-06-01'), // required from 2 July: absorbed
      guest('2026-10-01', false), // suspended: nothing
    ];
    const e = estimate(annual({ guestLicences: 3 }), { activeUsers: 1, guests }, TODAY);
    const current = period(e, 'currentTerm');
    expect(lineOf(current, 'guests')).toMatchObject({ licences: 3, inUse: 1, quantity: 3 });
    expect(lineOf(current, 'guestsProRata')).toMatchObject({ inUse: 1, quantity: 4, amount: 4 * 1_440 });
  });

  it('after the end date, renews: the earlier pro-rata guests are now in the base', () => {
    const guests = [guest('2026-01-10'), guest('2026-09-14'), guest('2027-06-01')];
    const c = annual({ guestLicences: 1 });
    const before = estimate(c, { activeUsers: 1, guests }, '2027-03-31');
    expect(period(before, 'currentTerm').from).toBe('2026-04-01');
    expect(lineOf(period(before, 'currentTerm'), 'guestsProRata')).toMatchObject({ inUse: 1, quantity: 6 });
    const after = estimate(c, { activeUsers: 1, guests }, '2027-04-01');
    const term = period(after, 'currentTerm');
    expect([term.from, term.to]).toEqual(['2027-04-01', '2028-03-31']);
    expect(lineOf(term, 'guests')).toMatchObject({ licences: 1, inUse: 2, quantity: 2, months: 12 });
    // Signed in on 1 June 2027: required from 2 July, charged July–March.
    expect(lineOf(term, 'guestsProRata')).toMatchObject({ inUse: 1, quantity: 9 });
    expect(period(after, 'nextTerm').from).toBe('2028-04-01');
  });

  it('counts months from the term’s first day, so no guest is charged more than the year', () => {
    const c = annual({ startDate: '2026-04-15', endDate: '2027-04-14', guestLicences: 0 });
    const guests = [guest('2026-03-20'), guest('2027-03-14')]; // required from 20 April 2026 and 14 April 2027
    const current = period(estimate(c, { activeUsers: 1, guests }, TODAY), 'currentTerm');
    expect(lineOf(current, 'guestsProRata')).toMatchObject({ inUse: 2, quantity: 12 + 1 });
    expect(termMonthIndex('2026-01-31', '2026-02-27')).toBe(0);
    expect(termMonthIndex('2026-01-31', '2026-02-28')).toBe(1);
    expect(termMonthIndex('2026-01-31', '2026-03-30')).toBe(1);
    expect(termMonthIndex('2026-01-31', '2026-03-31')).toBe(2);
  });

  it('bills a first term cut short by its end date for its own months, a part month as a whole', () => {
    const c = annual({ endDate: '2026-12-20', userLicences: 1, viewPlan: 'light' });
    const e = estimate(c, { activeUsers: 1, guests: [] }, TODAY);
    const current = period(e, 'currentTerm');
    expect(current.lines.map((l) => l.months)).toEqual([9, 9]);
    expect(current.total).toBe(9 * 1_800 + 9 * 7_000);
    expect([period(e, 'nextTerm').from, period(e, 'nextTerm').to]).toEqual(['2026-12-21', '2027-12-20']);
    expect(period(e, 'nextTerm').lines[0]!.months).toBe(12);
  });

  it('adds the public-view plan for the twelve months', () => {
    const e = estimate(annual({ userLicences: 1, viewPlan: 'enterprise' }), { activeUsers: 1, guests: [] }, TODAY);
    expect(lineOf(period(e, 'currentTerm'), 'viewPlan')).toEqual({ item: 'viewPlan', licences: 1, inUse: 1, quantity: 1, months: 12, unitPrice: 50_000, amount: 600_000 });
  });

  it('raises the pro-rata guest price with a course upgrade too', () => {
    const people = { activeUsers: 1, guests: [guest('2026-09-14')] };
    const light = period(estimate(annual({ course: 'light' }), people, TODAY), 'currentTerm');
    const standard = period(estimate(annual({ course: 'standard' }), people, TODAY), 'currentTerm');
    expect([lineOf(light, 'guestsProRata')!.amount, lineOf(standard, 'guestsProRata')!.amount]).toEqual([6 * 700, 6 * 1_440]);
  });
});

// docs/licences.md, "A worked sample": change both together.
describe('the sample domain of docs/licences.md', () => {
  it('monthly, Standard, 25 user licences for 23 users, 5 guest licences for 7 guests, Premium view plan', () => {
    const guests = [
      guest('2026-11-05'), // trial to 5 December, required from 6 December
      guest('2026-11-08'), // trial to 8 December, required from 9 December
      guest('2026-04-01'),
      guest('2026-06-15'),
      guest('2026-08-20'),
      guest('2026-09-30'), // trial to 30 October: required from 31 October
      guest('2026-07-01', false), // suspended
    ];
    const e = estimate(contract({ userLicences: 25, guestLicences: 5, viewPlan: 'premium' }), { activeUsers: 23, guests }, TODAY);
    const [current, next] = e.periods as [EstimatePeriod, EstimatePeriod];
    expect(current.lines.map((l) => [l.item, l.inUse, l.quantity, l.amount])).toEqual([
      ['users', 23, 25, 45_000],
      ['guests', 4, 5, 7_200],
      ['viewPlan', 1, 1, 18_000],
    ]);
    expect(current.total).toBe(70_200);
    expect(next.lines.map((l) => [l.item, l.inUse, l.quantity, l.amount])).toEqual([
      ['users', 23, 25, 45_000],
      ['guests', 6, 6, 8_640],
      ['viewPlan', 1, 1, 18_000],
    ]);
    expect(next.total).toBe(71_640);
  });

  it('annual, Standard, 1 April 2026 – 31 March 2027, one guest added mid-term', () => {
    const guests = [
      guest('2026-01-05'),
      guest('2026-01-06'),
      guest('2026-02-01'),
      guest('2026-02-15'),
      guest('2026-03-01'),
      guest('2026-09-14'), // trial to 14 October, required from 15 October
    ];
    const e = estimate(annual({ userLicences: 25, guestLicences: 5 }), { activeUsers: 23, guests }, TODAY);
    const [current, next] = e.periods as [EstimatePeriod, EstimatePeriod];
    expect(current.lines.map((l) => [l.item, l.inUse, l.quantity, l.months, l.amount])).toEqual([
      ['users', 23, 25, 12, 540_000],
      ['guests', 5, 5, 12, 86_400],
      ['guestsProRata', 1, 6, 1, 8_640],
    ]);
    expect(current.total).toBe(635_040);
    expect(next.lines.map((l) => [l.item, l.inUse, l.quantity, l.months, l.amount])).toEqual([
      ['users', 23, 25, 12, 540_000],
      ['guests', 6, 6, 12, 103_680],
    ]);
    expect(next.total).toBe(643_680);
  });
});
