// The contract form: what it shows for the current contract (or a new one), and what it sends.
// The server takes a whole contract when there is none and otherwise only what changes
// (docs/licences.md), so an edit sends the differences; numbers go as typed and the server
// says what is wrong with them, beneath each field.
import type { ContractJson } from '../../../../common/api/licences.js';
import { DEFAULT_TRIAL_REMINDER_DAYS } from '../../../../common/api/licences.js';
import type { Course, Term } from '../../../../common/licences/courses.js';
import type { ViewPlan } from '../../../../common/licences/view-plans.js';

export interface ContractForm {
  course: Course;
  term: Term;
  userLicences: string;
  guestLicences: string;
  startDate: string;
  /** Annual terms only; empty: a year after the start, less a day. */
  endDate: string;
  viewPlan: ViewPlan | '';
  /** Days, separated by commas or spaces: `7, 1`. */
  trialReminderDays: string;
}

export function formOf(contract: ContractJson | null, defaults: { today: string; activeUsers: number }): ContractForm {
  if (!contract) {
    return {
      course: 'standard',
      term: 'monthly',
      userLicences: String(Math.max(1, defaults.activeUsers)),
      guestLicences: '0',
      startDate: defaults.today,
      endDate: '',
      viewPlan: '',
      trialReminderDays: DEFAULT_TRIAL_REMINDER_DAYS.join(', '),
    };
  }
  return {
    course: contract.course,
    term: contract.term,
    userLicences: String(contract.userLicences),
    guestLicences: String(contract.guestLicences),
    startDate: contract.startDate,
    endDate: contract.endDate ?? '',
    viewPlan: contract.viewPlan ?? '',
    trialReminderDays: contract.trialReminderDays.join(', '),
  };
}

/** `7, 1` / `7 1` / `7、1` → ['7', '1']: each checked by the server. */
export function reminderDays(text: string): string[] {
  return text.split(/[\s,、，]+/).filter(Boolean);
}

export interface ContractBody {
  course?: Course;
  term?: Term;
  userLicences?: string;
  startDate?: string;
  endDate?: string | null;
  guests?: { licences: string };
  viewPlan?: ViewPlan | null;
  trialReminderDays?: string[];
}

const sameDays = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((v, i) => String(v) === String(b[i]));

/** What PUT /v1/licences/contract.json is sent: everything for a new contract, else the changes. */
export function contractBody(form: ContractForm, before: ContractJson | null): ContractBody {
  const days = reminderDays(form.trialReminderDays);
  const userLicences = form.userLicences.trim();
  const guestLicences = form.guestLicences.trim();
  const viewPlan = form.viewPlan || null;
  const annual = form.term === 'annual';
  if (!before) {
    return {
      course: form.course,
      term: form.term,
      ...(userLicences ? { userLicences } : {}),
      ...(form.startDate ? { startDate: form.startDate } : {}),
      ...(annual && form.endDate ? { endDate: form.endDate } : {}),
      ...(guestLicences ? { guests: { licences: guestLicences } } : {}),
      viewPlan,
      trialReminderDays: days,
    };
  }
  const body: ContractBody = {};
  if (form.course !== before.course) body.course = form.course;
  if (form.term !== before.term) body.term = form.term;
  if (userLicences !== String(before.userLicences)) body.userLicences = userLicences;
  if (form.startDate !== before.startDate) body.startDate = form.startDate;
  if (annual && form.endDate && form.endDate !== (before.endDate ?? '')) body.endDate = form.endDate;
  if (guestLicences !== String(before.guestLicences)) body.guests = { licences: guestLicences };
  if (viewPlan !== before.viewPlan) body.viewPlan = viewPlan;
  if (!sameDays(days, before.trialReminderDays)) body.trialReminderDays = days;
  return body;
}

/** The form's field for a key the server named (`guests.licences`, `trialReminderDays[1]`). */
export function contractField(key: string): string | null {
  if (key === 'guests.licences' || key === 'guests') return 'guestLicences';
  if (key === 'trialReminderDays' || key.startsWith('trialReminderDays[')) return 'trialReminderDays';
  return ['course', 'term', 'userLicences', 'startDate', 'endDate', 'viewPlan'].includes(key) ? key : null;
}
