// What the contract will cost: the estimate administrators see before the bill (MISSION §6,
// features D; docs/licences.md works a sample by hand). Yen, tax excluded, whole amounts, at the
// contract's current course (an upgrade raises the guest price at once: Light 700 → Standard
// 1,440; Wide guests cost the Standard price).
//
// - No contract: `{contract: null, periods: []}` — nothing is billed.
// - Monthly term: the current and the next calendar month in Japan (first to last day).
//   - users: max(user licences, active users) × 1 month × the course's user price.
//   - guests: max(guest licences, paid guests) × 1 month × the course's guest price, where a paid
//     guest is an active one whose licence is required on any day of the month
//     (`requiredFrom <= the month's last day`). A suspended guest, or one who has not signed in
//     (no trial started), never counts. Omitted when there are neither licences nor paid guests.
//   - viewPlan: the public-view plan's monthly price, when there is one.
//   A month that ends before the contract's start date (a contract entered ahead) has no lines
//   and costs nothing; the month it starts in counts whole.
// - Annual term: the current term (termContaining) and the next one (its renewal).
//   - users: max(user licences, active users) × the term's months (12).
//   - guests (base): max(guest licences, guests already required on the term's first day) ×
//     the term's months.
//   - guestsProRata: guests whose licence becomes required later inside the term, in date
//     order, first take the base licences left over; each one after that is charged from its
//     month to the term's last month inclusive (kintone: annual guest licences end with the
//     contract, charged pro rata). quantity = the guest-months, months = 1. Omitted when none.
//   - viewPlan: the plan's price × the term's months.
//   Months of a term count from its first day (month k starts on the same day of the month k
//   months later, the 31st falling back to a shorter month's end). A term that starts on the
//   1st therefore has calendar months, and any full term 12 of them; a first term cut short by
//   its end date has fewer, a part month counting whole.
// The estimate takes people as they are today: active users now, and each guest's trial dates.
import type { ContractJson, EstimateJson, EstimateLine, EstimatePeriod } from '../../../common/api/licences.js';
import { type Day, type Month, addDays, addMonths, dayOf, firstDay, lastDay, monthOf } from '../../../common/licences/calendar.js';
import { PRICES } from '../../../common/licences/courses.js';
import type { GuestLicence } from '../../../common/licences/guest-licence.js';
import { VIEW_PLAN_PRICES } from '../../../common/licences/view-plans.js';
import { countUsers } from '../../storage/licences.repo.js';
import type { Ctx } from '../context.js';
import { contractOf, termContaining } from './contract.js';
import { guestsWithLicences } from './usage.js';

export interface EstimatePeople {
  /** Active regular users. */
  activeUsers: number;
  guests: ReadonlyArray<{ valid: boolean; licence: Pick<GuestLicence, 'requiredFrom'> }>;
}

export function estimate(contract: ContractJson | null, people: EstimatePeople, today: Day): EstimateJson {
  if (!contract) return { contract: null, periods: [] };
  // Only an active guest past its trial is ever paid for; the order makes pro-rata deterministic.
  const paidFrom = people.guests
    .filter((g) => g.valid && g.licence.requiredFrom !== null)
    .map((g) => g.licence.requiredFrom as Day)
    .sort();
  if (contract.term === 'monthly') {
    const month = monthOf(today);
    return {
      contract,
      periods: [
        monthPeriod(contract, people.activeUsers, paidFrom, 'currentMonth', month),
        monthPeriod(contract, people.activeUsers, paidFrom, 'nextMonth', addMonths(month, 1)),
      ],
    };
  }
  const current = termContaining(contract, today);
  const next = termContaining(contract, addDays(current.to, 1));
  return {
    contract,
    periods: [
      termPeriod(contract, people.activeUsers, paidFrom, 'currentTerm', current),
      termPeriod(contract, people.activeUsers, paidFrom, 'nextTerm', next),
    ],
  };
}

/** The estimate for the caller's domain, today (Japan), from the database. */
export async function licenceEstimate(ctx: Ctx): Promise<EstimateJson> {
  const domainId = ctx.actor.domainId;
  const [contract, users, guests] = await Promise.all([contractOf(ctx.db, domainId), countUsers(ctx.db, domainId), guestsWithLicences(ctx)]);
  return estimate(contract, { activeUsers: users.active, guests }, dayOf(ctx.now));
}

function monthPeriod(c: ContractJson, activeUsers: number, paidFrom: Day[], label: 'currentMonth' | 'nextMonth', month: Month): EstimatePeriod {
  const to = lastDay(month);
  if (to < c.startDate) return period(c, label, firstDay(month), to, []);
  const prices = PRICES[c.course];
  const lines = [line('users', c.userLicences, activeUsers, 1, prices.user)];
  const paid = paidFrom.filter((d) => d <= to).length;
  if (c.guestLicences > 0 || paid > 0) lines.push(line('guests', c.guestLicences, paid, 1, prices.guest));
  if (c.viewPlan) lines.push(line('viewPlan', 1, 1, 1, VIEW_PLAN_PRICES[c.viewPlan]));
  return period(c, label, firstDay(month), to, lines);
}

function termPeriod(c: ContractJson, activeUsers: number, paidFrom: Day[], label: 'currentTerm' | 'nextTerm', term: { from: Day; to: Day }): EstimatePeriod {
  const prices = PRICES[c.course];
  const months = termMonthIndex(term.from, term.to) + 1;
  const lines = [line('users', c.userLicences, activeUsers, months, prices.user)];
  const atStart = paidFrom.filter((d) => d <= term.from).length;
  if (c.guestLicences > 0 || atStart > 0) lines.push(line('guests', c.guestLicences, atStart, months, prices.guest));
  // Later ones, in date order: leftover base licences first, then a licence to the term's end.
  const later = paidFrom.filter((d) => d > term.from && d <= term.to).slice(Math.max(0, c.guestLicences - atStart));
  const guestMonths = later.reduce((sum, d) => sum + months - termMonthIndex(term.from, d), 0);
  if (later.length > 0) {
    lines.push({ item: 'guestsProRata', licences: 0, inUse: later.length, quantity: guestMonths, months: 1, unitPrice: prices.guest, amount: guestMonths * prices.guest });
  }
  if (c.viewPlan) lines.push(line('viewPlan', 1, 1, months, VIEW_PLAN_PRICES[c.viewPlan]));
  return period(c, label, term.from, term.to, lines);
}

function line(item: EstimateLine['item'], licences: number, inUse: number, months: number, unitPrice: number): EstimateLine {
  const quantity = Math.max(licences, inUse);
  return { item, licences, inUse, quantity, months, unitPrice, amount: quantity * months * unitPrice };
}

function period(c: ContractJson, label: EstimatePeriod['label'], from: Day, to: Day, lines: EstimateLine[]): EstimatePeriod {
  return { label, from, to, course: c.course, term: c.term, lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
}

/** The day `k` months after `start`, its day of the month capped at the month's last day. */
function monthsAfter(start: Day, k: number): Day {
  const month = addMonths(monthOf(start), k);
  const candidate = `${month}${start.slice(7)}`;
  const end = lastDay(month);
  return candidate > end ? end : candidate;
}

/** Which month of a term starting on `start` the day falls in (0 for the first). */
export function termMonthIndex(start: Day, day: Day): number {
  const k = (Number(day.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(start.slice(5, 7));
  return monthsAfter(start, k) > day ? k - 1 : k;
}
