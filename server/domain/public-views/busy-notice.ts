// When a view answers a visitor "busy" (CB_PV06: its or its domain's requests per minute, or too
// many answers being made at once), the domain's administrators are told by e-mail — at most once
// per view and day (UTC): the day is claimed on the view's row by a conditional update, so several
// processes never both send, and each process remembers the days it already tried, so a storm of
// busy answers costs the database one update per view and day. Sent through the mail queue in each
// administrator's own language; never delays or changes the visitor's answer.
import { systemActor } from '../../policy/actor.js';
import { domainAdministrators } from '../../storage/licence-reminders.repo.js';
import { claimBusyNotice } from '../../storage/public-views.repo.js';
import { enqueueMail } from '../../mail/queue.js';
import { isPlainAddress } from '../../mail/address.js';
import { type Services, inTransaction } from '../context.js';
import type { PublicView } from './view.js';

const tried = new Map<string, string>();

/** The view's settings screen in the web app (web/src/features/app-settings/routes.tsx). */
function settingsUrl(baseUrl: string, view: Pick<PublicView, 'appId' | 'id'>): string {
  return `${baseUrl}/app/${view.appId}/settings/public-views/${view.id}`;
}

/** Tells the administrators, unless they were told today; resolves once queued (or not needed). */
export async function noteBusyView(services: Services, view: Pick<PublicView, 'domainId' | 'id' | 'appId' | 'title'>): Promise<boolean> {
  const day = services.clock().toISOString().slice(0, 10);
  const key = `${view.domainId}\0${view.id}`;
  if (tried.get(key) === day) return false;
  if (tried.size >= 10_000) tried.clear();
  tried.set(key, day);
  const base = { actor: systemActor(view.domainId), locale: 'ja' as const, request: { ip: null, userAgent: null, requestId: null } };
  return inTransaction(services, base, async (ctx) => {
    if (!(await claimBusyNotice(ctx.db, view.domainId, view.id, day))) return false;
    const params = { viewTitle: view.title, day, url: settingsUrl(ctx.config.baseUrl, view) };
    for (const admin of await domainAdministrators(ctx.db, view.domainId)) {
      if (admin.email && isPlainAddress(admin.email)) await enqueueMail(ctx, { to: admin.email, locale: admin.locale, template: 'public-view-busy', params });
    }
    return true;
  });
}

/** For tests: forget the days tried in this process. */
export function forgetBusyNotices(): void {
  tried.clear();
}
