// Who holds a live event stream, checked again and again while it stays open: the session must
// still exist, be active and within its idle and absolute limits, its person still valid, and a
// required second factor set up — what authenticate.ts asks of every request. The check never
// counts as the person's activity, so an open stream does not keep an idle session alive (A17).
import type { SignedInActor } from '../../policy/actor.js';
import { findSessionByHash } from '../auth/sessions.js';
import { actorFor } from '../auth/sign-in.js';
import { totpSetupRequired } from '../auth/two-step.js';
import type { Services } from '../context.js';

/** The stream's actor as of now, with the rights the person has now; null once the session is over. */
export async function liveSubscriber(services: Services, domainId: string, sessionIdHash: string): Promise<SignedInActor | null> {
  const session = await findSessionByHash(services.db, domainId, sessionIdHash, services.clock(), services.config.session.idleMs, false);
  if (!session || session.state !== 'active') return null;
  if (await totpSetupRequired(services.db, session.user)) return null;
  return actorFor(session.user, 'session', session.idHash);
}
