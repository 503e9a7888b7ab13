// A visitor proves an address: the code from the mail (POST sign-in/code.json) or the link's token
// (POST sign-in/link.json, from the browser that asked for it). Right: an e-mail session for this
// view alone, its cookie's secret kept as a hash. Wrong, used, expired, voided, of another view or
// another browser: one answer (CB_PV32, by the route after this transaction keeps the count).
// A code dies at its fifth wrong try; a link after five tries from other browsers.
import { EMAIL_SESSION_MAX_MS, SIGN_IN_CODE_TRIES } from '../../../../common/api/public-visitors.js';
import { newSecret } from '../../../../common/ids.js';
import { type StoredSignIn, countFailedTry, deleteSignIn, findSignIn, findVisitor, insertEmailSession } from '../../../storage/public-view-visitors.repo.js';
import { safeEqual, sha256 } from '../../auth/secrets.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Ctx } from '../../context.js';
import { notFound, type OpenView } from '../open-view.js';
import { normalizeEmail } from './email.js';
import { codeHash, emailAuthOf } from './sign-in-request.js';

export type SignInResult = { kind: 'wrong' } | { kind: 'signedIn'; secret: string; email: string; expiresAt: Date };

export async function verifyCode(ctx: Ctx, open: OpenView, input: { email: string; code: string }): Promise<SignInResult> {
  const { view } = open;
  if (!emailAuthOf(view)) throw notFound();
  const email = normalizeEmail(input.email);
  const row = email ? await findSignIn(ctx.db, view.domainId, view.id, { kind: 'code', email }, ctx.now) : null;
  if (!row || !email) return wrong(ctx, open, 'code');
  if (!/^\d{6}$/.test(input.code) || !safeEqual(codeHash(view, email, input.code), row.codeHash ?? '')) return failedTry(ctx, open, row);
  return signIn(ctx, open, row);
}

export async function verifyLink(ctx: Ctx, open: OpenView, input: { token: string; browserSecret: string | undefined }): Promise<SignInResult> {
  const { view } = open;
  if (!emailAuthOf(view)) throw notFound();
  if (!/^[A-Za-z0-9_-]{43}$/.test(input.token)) return wrong(ctx, open, 'link');
  const row = await findSignIn(ctx.db, view.domainId, view.id, { kind: 'link', idHash: sha256(input.token) }, ctx.now);
  if (!row) return wrong(ctx, open, 'link');
  // Bound to the browser that asked (P11): a forwarded or intercepted mail opens nothing elsewhere.
  if (!input.browserSecret || !safeEqual(sha256(input.browserSecret), row.browserHash ?? '')) return failedTry(ctx, open, row);
  return signIn(ctx, open, row);
}

async function signIn(ctx: Ctx, open: OpenView, row: StoredSignIn): Promise<SignInResult> {
  const { view } = open;
  // Single use: whoever deletes the row first signs in; a second use finds nothing.
  if (!(await deleteSignIn(ctx.db, row.idHash))) return wrong(ctx, open, row.kind);
  // Removed from the list since the mail left: no longer welcome.
  if (emailAuthOf(view) === 'registered' && !(await findVisitor(ctx.db, view.domainId, view.id, row.email))) return wrong(ctx, open, row.kind);
  const secret = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + EMAIL_SESSION_MAX_MS);
  await insertEmailSession(ctx.db, { idHash: sha256(secret), domainId: view.domainId, viewId: view.id, email: row.email, now: ctx.now, expiresAt });
  await recordAudit(ctx, { action: 'publicView.signIn', targetType: 'publicView', targetId: view.id, detail: { email: row.email, method: row.kind } });
  return { kind: 'signedIn', secret, email: row.email, expiresAt };
}

async function failedTry(ctx: Ctx, open: OpenView, row: StoredSignIn): Promise<SignInResult> {
  if (row.attempts + 1 >= SIGN_IN_CODE_TRIES) await deleteSignIn(ctx.db, row.idHash);
  else await countFailedTry(ctx.db, row.idHash);
  return wrong(ctx, open, row.kind);
}

async function wrong(ctx: Ctx, open: OpenView, method: 'code' | 'link'): Promise<SignInResult> {
  await recordAudit(ctx, { action: 'publicView.signIn', targetType: 'publicView', targetId: open.view.id, result: 'failure', detail: { method } });
  return { kind: 'wrong' };
}
