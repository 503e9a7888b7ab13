// The licence reminders, sent by a background job (reminder-job.ts) to every administrator of a
// domain that models a contract (no contract, nothing billed, nobody told):
//
// - Trial ending. The contract's `trialReminderDays` (default 7 and 1) are stages: a guest in
//   trial with `left` days to its last day is at the smallest N ≥ left. Each (address, N) is
//   announced once ever, as licence_reminders records, and announcing a stage marks the larger
//   ones too: a guest whose trial ends tomorrow when a contract is set gets the 1-day reminder
//   only, never a late 7-day one as well. Suspended, deleted and not-yet-signed-in guests are not
//   in trial and get nothing.
// - Licences exceeded. While more guests need a paid licence than the contract holds, a
//   notification once per Japanese day (the persistent warning is in usage.json's `warnings`).
//   The day is marked in licence_reminders under the reserved key EXCEEDED_KEY (no address has
//   no "@"), with the day's number as `daysBefore`; the e-mail goes out only on the first day of
//   an excess (no mark for the day before), so a lasting excess does not mail every day.
//
// Each domain runs in one transaction that claims before it tells (markReminderSent inserts or
// finds the row taken), so two servers running the job at once never both tell; and it tells in
// one notification of each kind and one e-mail per administrator, listing every guest due.
import { type Day, dayOf, daysBetween } from '../../../common/licences/calendar.js';
import { enqueueMail } from '../../mail/queue.js';
import { isPlainAddress } from '../../mail/address.js';
import type { LicenceReminderParams } from '../../mail/templates/licence-reminder.js';
import { systemActor } from '../../policy/actor.js';
import { domainAdministrators, domainsWithContracts, pruneMarks } from '../../storage/licence-reminders.repo.js';
import { findContract, markReminderSent, sentReminders } from '../../storage/licences.repo.js';
import { insertNotifications } from '../../storage/notifications.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { type Ctx, type Services, inTransaction } from '../context.js';
import { guestsWithLicences } from './usage.js';

/** The reserved licence_reminders key of the daily "licences exceeded" marks. */
export const EXCEEDED_KEY = '*exceeded';
const EPOCH: Day = '1970-01-01';

export const LICENCE_SCREEN_PATH = '/admin/licences';

export interface TrialEnding {
  name: string;
  email: string;
  trialEnds: Day;
  daysLeft: number;
}

export interface DomainReminders {
  domainId: string;
  trialEnding: TrialEnding[];
  exceeded: { inUse: number; licences: number; mailed: boolean } | null;
  /** Administrators told. */
  administrators: number;
}

/** Runs every domain with a contract; a domain that fails is reported and the others go on. */
export async function runLicenceReminders(
  services: Services,
  onError: (err: unknown) => void = (e) => {
    throw e;
  },
): Promise<DomainReminders[]> {
  const out: DomainReminders[] = [];
  for (const domainId of await domainsWithContracts(services.db)) {
    try {
      const base = { actor: systemActor(domainId), locale: 'ja' as const, request: { ip: null, userAgent: null, requestId: null } };
      const told = await inTransaction(services, base, remindDomain);
      if (told) out.push(told);
    } catch (err) {
      onError(err);
    }
  }
  return out;
}

/** One domain's reminders due now; null when there is nothing to tell. */
export async function remindDomain(ctx: Ctx): Promise<DomainReminders | null> {
  const domainId = ctx.actor.domainId;
  // Read here, not through contractOf's cache: a contract removed a moment ago bills nothing.
  const contract = await findContract(ctx.db, domainId);
  if (!contract) return null;
  const today = dayOf(ctx.now);
  const guests = await guestsWithLicences(ctx);
  const sent = await sentReminders(ctx.db, domainId);
  const stages = [...new Set(contract.trialReminderDays)].sort((a, b) => a - b);

  const trialEnding: TrialEnding[] = [];
  for (const g of guests) {
    const ends = g.licence.trialEnds;
    if (g.licence.state !== 'trial' || ends === null) continue;
    const left = daysBetween(today, ends);
    const stage = stages.find((n) => left <= n);
    const key = codeKey(g.email);
    if (stage === undefined || sent.has(`${key}:${stage}`)) continue;
    // Claimed before told: false means another server has it.
    if (!(await markReminderSent(ctx.db, domainId, key, stage, ctx.now))) continue;
    for (const n of stages) if (n > stage && !sent.has(`${key}:${n}`)) await markReminderSent(ctx.db, domainId, key, n, ctx.now);
    trialEnding.push({ name: g.name, email: g.email, trialEnds: ends, daysLeft: left });
  }

  let exceeded: DomainReminders['exceeded'] = null;
  const required = guests.filter((g) => g.licence.state === 'required').length;
  const dayNumber = daysBetween(EPOCH, today);
  if (required > contract.guestLicences && !sent.has(`${EXCEEDED_KEY}:${dayNumber}`)) {
    if (await markReminderSent(ctx.db, domainId, EXCEEDED_KEY, dayNumber, ctx.now)) {
      exceeded = { inUse: required, licences: contract.guestLicences, mailed: !sent.has(`${EXCEEDED_KEY}:${dayNumber - 1}`) };
      // Only today's and yesterday's marks are ever asked about.
      await pruneMarks(ctx.db, domainId, EXCEEDED_KEY, dayNumber - 1);
    }
  }
  if (trialEnding.length === 0 && !exceeded) return null;
  trialEnding.sort((a, b) => a.trialEnds.localeCompare(b.trialEnds));

  const admins = await domainAdministrators(ctx.db, domainId);
  await notify(ctx, admins.map((a) => a.id), trialEnding, exceeded);
  const mail: LicenceReminderParams = {
    trialEnding,
    exceeded: exceeded?.mailed ? { inUse: exceeded.inUse, licences: exceeded.licences } : null,
    url: `${ctx.config.baseUrl}${LICENCE_SCREEN_PATH}`,
  };
  if (mail.trialEnding.length > 0 || mail.exceeded) {
    for (const a of admins) {
      // An administrator without a usable address still has the notification.
      if (isPlainAddress(a.email)) await enqueueMail(ctx, { to: a.email, locale: a.locale, template: 'licence-reminder', params: mail });
    }
  }
  return { domainId, trialEnding, exceeded, administrators: admins.length };
}

async function notify(ctx: Ctx, recipients: number[], trialEnding: TrialEnding[], exceeded: DomainReminders['exceeded']): Promise<void> {
  const events = [
    ...(trialEnding.length > 0 ? [{ kind: 'licenceTrialEnding', detail: { guests: trialEnding } }] : []),
    ...(exceeded ? [{ kind: 'licenceExceeded', detail: { inUse: exceeded.inUse, licences: exceeded.licences } }] : []),
  ];
  const rows = recipients.flatMap((recipientId) => events.map((e) => ({ recipientId, ...e })));
  if (rows.length === 0) return;
  const ids = await ctx.takeIds('notification', rows.length);
  await insertNotifications(
    ctx.db,
    ctx.actor.domainId,
    rows.map((r, i) => ({
      id: ids[i]!,
      recipientId: r.recipientId,
      kind: r.kind,
      toMe: true,
      appId: null,
      recordId: null,
      commentId: null,
      spaceId: null,
      threadId: null,
      threadCommentId: null,
      senderId: null,
      detail: r.detail,
      createdAt: ctx.now,
    })),
  );
  // Live: the administrators' open pages refetch their inbox and the bell's count.
  ctx.events.publish({ kind: 'notification', userIds: [...new Set(recipients)] });
}
