// The domain's contract: course, billing term, licences, dates and the public-view plan. Read by
// every rule that depends on it (user licences, course limits, API use, every public-view visit),
// so it is kept per process for a moment: read again every CONTRACT_TTL_MS while asked for,
// behind the kept value (infra/kept-values.ts); a change made here is seen at once.
import type { ContractInput, ContractJson } from '../../../common/api/licences.js';
import { DEFAULT_TRIAL_REMINDER_DAYS } from '../../../common/api/licences.js';
import { type Day, addDays, addYears } from '../../../common/licences/calendar.js';
import { COURSE_LIMITS, type CourseLimits, UNLIMITED } from '../../../common/licences/courses.js';
import { KeptValues } from '../../infra/kept-values.js';
import type { Queryable } from '../../storage/db.js';
import { countUsers, deleteContract, findContract, lockContract, saveContract } from '../../storage/licences.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

export const CONTRACT_TTL_MS = 2_000;

const cache = new KeptValues<ContractJson | null>(CONTRACT_TTL_MS, 30_000);

/** The domain's contract, read again every CONTRACT_TTL_MS while asked for; null when it has none. */
export async function contractOf(db: Queryable, domainId: string): Promise<ContractJson | null> {
  return cache.get(domainId, () => findContract(db, domainId));
}

/** What the domain's course allows; a domain without a contract is not limited. */
export function limitsOf(contract: ContractJson | null): CourseLimits {
  return contract ? COURSE_LIMITS[contract.course] : UNLIMITED;
}

/**
 * The annual term that contains `today`: the contracted one, then a year at a time after it
 * (an annual contract renews itself until it is changed).
 */
export function termContaining(contract: Pick<ContractJson, 'startDate' | 'endDate'>, today: Day): { from: Day; to: Day } {
  const end = contract.endDate ?? addDays(addYears(contract.startDate, 1), -1);
  if (today <= end) return { from: contract.startDate, to: end };
  const renewal = addDays(end, 1);
  let from = renewal;
  for (let i = 1; ; i++) {
    const to = addDays(addYears(renewal, i), -1);
    if (today <= to) return { from, to };
    from = addDays(to, 1);
  }
}

/** Applies a change (or, without a contract, sets a whole one), checked and audited. */
export async function setContract(ctx: Ctx, input: ContractInput): Promise<ContractJson> {
  const domainId = ctx.actor.domainId;
  await lockContract(ctx.db, domainId);
  const before = await findContract(ctx.db, domainId);
  const next = merged(before, input);
  const { active } = await countUsers(ctx.db, domainId);
  if (next.userLicences < active) throw new AppError('CB_LI02', { params: { inUse: active } });
  await saveContract(ctx.db, domainId, next, ctx.now);
  await recordAudit(ctx, { action: 'licence.contract.update', detail: { before, after: next } });
  ctx.afterCommit(() => cache.delete(domainId));
  return next;
}

/** Ends the modelled contract: nothing is limited or billed any more. */
export async function removeContract(ctx: Ctx): Promise<void> {
  const domainId = ctx.actor.domainId;
  const before = await findContract(ctx.db, domainId);
  if (!before) return;
  await deleteContract(ctx.db, domainId);
  await recordAudit(ctx, { action: 'licence.contract.delete', detail: { before } });
  ctx.afterCommit(() => cache.delete(domainId));
}

function merged(before: ContractJson | null, input: ContractInput): ContractJson {
  const course = input.course ?? before?.course;
  const term = input.term ?? before?.term;
  const userLicences = input.userLicences ?? before?.userLicences;
  const startDate = input.startDate ?? before?.startDate;
  if (!course || !term || userLicences === undefined || !startDate) {
    // Guest licences are an option of the contract: never bought alone.
    if (input.guests) throw new AppError('CB_LI03');
    const missing: Record<string, FieldProblem[]> = {};
    for (const [k, v] of Object.entries({ course, term, userLicences, startDate })) if (v === undefined) missing[k] = [{ key: 'required' }];
    throw AppError.invalid(missing);
  }
  if ((input.guests?.course && input.guests.course !== course) || (input.guests?.term && input.guests.term !== term)) {
    throw new AppError('CB_LI04');
  }
  let endDate: Day | null = null;
  if (term === 'annual') {
    const longest = addDays(addYears(startDate, 1), -1);
    // A new start date without a new end date moves the term with it.
    const kept = input.startDate === undefined && before?.term === 'annual' ? before.endDate : null;
    endDate = input.endDate ?? kept ?? longest;
    if (endDate < startDate || endDate > longest) throw AppError.invalid({ endDate: 'invalid' });
  } else if (input.endDate) {
    throw AppError.invalid({ endDate: 'invalid' });
  }
  const reminders = input.trialReminderDays ?? before?.trialReminderDays ?? DEFAULT_TRIAL_REMINDER_DAYS;
  return {
    course,
    term,
    userLicences,
    guestLicences: input.guests?.licences ?? before?.guestLicences ?? 0,
    startDate,
    endDate,
    viewPlan: input.viewPlan === undefined ? (before?.viewPlan ?? null) : input.viewPlan,
    trialReminderDays: [...new Set(reminders)].sort((a, b) => b - a),
  };
}
