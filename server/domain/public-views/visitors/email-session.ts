// The e-mail gate, after the password: a view with e-mail sign-in (and every MyPage) needs this
// view's e-mail session — live (12 hours at most, 2 idle hours), and in "registered only" mode
// still registered. The visitor then carries the verified address and registered attributes
// (MyPage matches them); nothing a request says about who it is counts (P10).
import { EMAIL_SESSION_IDLE_MS, type VisitorMeJson } from '../../../../common/api/public-visitors.js';
import type { PublicViewerActor } from '../../../policy/actor.js';
import { deleteEmailSessions, findEmailSession, findVisitor, touchEmailSession } from '../../../storage/public-view-visitors.repo.js';
import { AppError } from '../../app-error.js';
import { sha256 } from '../../auth/secrets.js';
import type { Ctx } from '../../context.js';
import type { PublicView } from '../view.js';
import { emailAuthOf } from './sign-in-request.js';

/** The last-seen time is written at most this often (not on every page of a busy visitor). */
const TOUCH_EVERY_MS = 60_000;

export async function checkSignedIn(ctx: Ctx, view: PublicView, secret: string | undefined): Promise<Ctx> {
  const mode = emailAuthOf(view);
  if (!mode) return ctx;
  const who = await signedInVisitor(ctx, view, secret);
  if (!who) throw new AppError('CB_PV30');
  const actor: PublicViewerActor = { ...(ctx.actor as PublicViewerActor), email: who.email, attributes: who.attributes };
  return { ...ctx, actor };
}

/** The signed-in visitor of this view, or null (and a lapsed or unwelcome session ended). */
export async function signedInVisitor(ctx: Ctx, view: PublicView, secret: string | undefined): Promise<(VisitorMeJson & { attributes: Record<string, string> }) | null> {
  if (!secret || secret.length > 100) return null;
  const idHash = sha256(secret);
  const session = await findEmailSession(ctx.db, view.domainId, view.id, idHash, ctx.now);
  if (!session) return null;
  const registered = await findVisitor(ctx.db, view.domainId, view.id, session.email);
  const idle = ctx.now.getTime() - session.lastSeenAt.getTime() >= EMAIL_SESSION_IDLE_MS;
  if (idle || (emailAuthOf(view) === 'registered' && !registered)) {
    await deleteEmailSessions(ctx.db, view.domainId, view.id, { idHash });
    return null;
  }
  if (ctx.now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchEmailSession(ctx.db, idHash, ctx.now);
  return { email: session.email, name: registered?.name ?? '', attributes: registered?.attributes ?? {} };
}

export async function signOut(ctx: Ctx, view: PublicView, secret: string | undefined): Promise<void> {
  if (secret && secret.length <= 100) await deleteEmailSessions(ctx.db, view.domainId, view.id, { idHash: sha256(secret) });
}
