// POST /public/{token}/sign-in.json: a visitor asks for a one-time code or a sign-in link for an
// address. The answer and the work are the same whether or not the address may sign in (only
// registered addresses, in that mode) or is over its budget: nothing tells who is registered
// (P11). A new code voids the last one; a link only works in the browser that asked (its
// cookie's hash is kept with the link). Mail goes out in the visitor's language.
import { createHmac, randomInt } from 'node:crypto';
import { newSecret } from '../../../../common/ids.js';
import { publicViewPath } from '../../../../common/api/public-views.js';
import { SIGN_IN_CODE_TTL_MS, SIGN_IN_LINK_PARAM, SIGN_IN_LINK_TTL_MS, type EmailAuthMode } from '../../../../common/api/public-visitors.js';
import { enqueueMail } from '../../../mail/queue.js';
import { deleteSignIns, findVisitor, insertSignIn } from '../../../storage/public-view-visitors.repo.js';
import { AppError } from '../../app-error.js';
import { sha256 } from '../../auth/secrets.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Ctx } from '../../context.js';
import { notFound, type OpenView } from '../open-view.js';
import type { PublicView } from '../view.js';
import { normalizeEmail } from './email.js';

export interface SignInRequest {
  email: string;
  method: 'code' | 'link';
  /** The asking browser's sign-in cookie (links work only there). */
  browserSecret: string;
  /** False once this address (or this peer) asked too often: nothing is sent, same answer. */
  withinBudget: boolean;
}

/** How a view lets visitors sign in; a MyPage without a mode takes registered visitors only. */
export function emailAuthOf(view: Pick<PublicView, 'emailAuth' | 'kind'>): EmailAuthMode | null {
  return view.emailAuth ?? (view.kind === 'myPage' ? 'registered' : null);
}

/** The code's keyed hash: the table alone cannot be turned back into codes. */
export function codeHash(view: Pick<PublicView, 'signingKey'>, email: string, code: string): string {
  return createHmac('sha256', view.signingKey).update(`pv-code\0${email}\0${code}`).digest('base64url');
}

export async function requestSignIn(ctx: Ctx, open: OpenView, input: SignInRequest): Promise<void> {
  const { view, token } = open;
  const mode = emailAuthOf(view);
  if (!mode) throw notFound();
  const email = normalizeEmail(input.email);
  if (!email) throw new AppError('CB_PV31');
  const registered = await findVisitor(ctx.db, view.domainId, view.id, email);
  const refusal = mode === 'registered' && !registered ? 'not-registered' : !input.withinBudget ? 'too-many' : null;
  // Made either way, so both paths cost the same.
  const secret = input.method === 'code' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : newSecret();
  const idHash = input.method === 'code' ? sha256(newSecret()) : sha256(secret);
  if (refusal) {
    await recordAudit(ctx, { action: 'publicView.signIn.request', targetType: 'publicView', targetId: view.id, result: 'failure', detail: { email, reason: refusal } });
    return;
  }
  const ttl = input.method === 'code' ? SIGN_IN_CODE_TTL_MS : SIGN_IN_LINK_TTL_MS;
  await deleteSignIns(ctx.db, view.domainId, view.id, email, input.method);
  await insertSignIn(
    ctx.db,
    view.domainId,
    view.id,
    {
      idHash,
      email,
      kind: input.method,
      codeHash: input.method === 'code' ? codeHash(view, email, secret) : null,
      browserHash: input.method === 'link' ? sha256(input.browserSecret) : null,
      attempts: 0,
      expiresAt: new Date(ctx.now.getTime() + ttl),
    },
    ctx.now,
  );
  const minutes = ttl / 60_000;
  await enqueueMail(ctx, {
    to: email,
    locale: ctx.locale,
    template: 'public-view-sign-in',
    params:
      input.method === 'code'
        ? { kind: 'code', code: secret, minutes, title: view.title.slice(0, 200) }
        : { kind: 'link', url: `${ctx.config.baseUrl}${publicViewPath(token)}?${SIGN_IN_LINK_PARAM}=${secret}`, minutes, title: view.title.slice(0, 200) },
  });
  await recordAudit(ctx, { action: 'publicView.signIn.request', targetType: 'publicView', targetId: view.id, detail: { email, method: input.method } });
}
