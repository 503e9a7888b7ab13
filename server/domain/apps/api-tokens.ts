// API tokens: made, changed and deleted in an app's settings by its managers, effective from the
// next deploy (deploy-apps.ts). Only the SHA-256 of a token is stored; the token is shown once.
import { MAX_TOKENS_PER_APP, type TokenJson } from '../../../common/api/api-tokens.js';
import { newId, randomString } from '../../../common/ids.js';
import { countTokens, insertToken, listTokens, setTokenRights } from '../../storage/api-tokens.repo.js';
import type { ApiTokenRights } from '../../storage/tables/apps.table.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { sha256 } from '../auth/secrets.js';
import type { Ctx } from '../context.js';
import { actorUserId, appFor } from './load-app.js';

/** kintone's tokens are 40 letters and digits; ours carry 206 random bits. */
const TOKEN_LENGTH = 40;

export const tokenHash = (token: string) => sha256(`engawa-api-token\0${token}`);

export async function createToken(ctx: Ctx, appId: number, rights: ApiTokenRights): Promise<{ id: string; token: string }> {
  const app = await appFor(ctx, appId, 'app.manage');
  if ((await countTokens(ctx.db, app.domainId, app.id)) >= MAX_TOKENS_PER_APP) throw AppError.invalid({ app: [{ key: 'tooMany', params: { n: MAX_TOKENS_PER_APP } }] });
  const token = randomString(TOKEN_LENGTH);
  const id = newId('tok');
  await insertToken(ctx.db, { tokenHash: tokenHash(token), domainId: app.domainId, appId: app.id, id, hint: token.slice(-4), rights, createdBy: actorUserId(ctx), createdAt: ctx.now });
  await recordAudit(ctx, { action: 'app.token.create', targetType: 'app', targetId: app.id, detail: { token: id, rights } });
  return { id, token };
}

export async function tokensOf(ctx: Ctx, appId: number): Promise<TokenJson[]> {
  const app = await appFor(ctx, appId, 'app.manage');
  return (await listTokens(ctx.db, app.domainId, app.id))
    .filter((t) => t.rights !== null)
    .map((t) => ({ id: t.id, hint: t.hint, rights: t.rights!, live: t.liveRights !== null, createdAt: t.createdAt.toISOString() }));
}

export async function changeToken(ctx: Ctx, appId: number, id: string, rights: ApiTokenRights | null): Promise<void> {
  const app = await appFor(ctx, appId, 'app.manage');
  if (!(await setTokenRights(ctx.db, app.domainId, app.id, id, rights))) throw AppError.invalid({ id: 'notFound' });
  await recordAudit(ctx, { action: rights ? 'app.token.update' : 'app.token.delete', targetType: 'app', targetId: app.id, detail: { token: id, ...(rights ? { rights } : {}) } });
}
