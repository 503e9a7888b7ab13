// Whether an app's preview differs from what is live: settings, form, views, permissions,
// process, notifications, graphs and API tokens. Revisions cannot tell (a discard copies live
// onto preview under a new revision), so the definitions themselves are compared.
import { listTokens } from '../../storage/api-tokens.repo.js';
import type { Ctx } from '../context.js';
import { definitionOf, readStage } from './load-app.js';

export async function pendingChanges(ctx: Ctx, appId: number): Promise<{ deployed: boolean; changed: boolean; revision: number }> {
  const { app, revision, definition } = await readStage(ctx, appId, 'preview');
  if (!app.deployed) return { deployed: false, changed: true, revision };
  const live = await definitionOf(ctx, app, 'live');
  const tokens = await listTokens(ctx.db, app.domainId, app.id);
  const tokensChanged = tokens.some((t) => !sameJson(t.rights, t.liveRights));
  return { deployed: true, changed: tokensChanged || !sameJson(definition, live.definition), revision };
}

/** Deep equality of JSON data, whatever the key order (PostgreSQL's jsonb reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => sameJson(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bKeys = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return keys.length === bKeys.length && keys.every((k) => Object.hasOwn(bo, k) && sameJson(ao[k], bo[k]));
}
