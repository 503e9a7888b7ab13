// A visitor's answer, from the cache when an equal one is fresh (response-cache.ts), otherwise
// made by `make` as the view's reader and kept.
import { findAppForRecords } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';
import { type OpenView, notFound } from './open-view.js';
import { type Reader, readerFor } from './reader.js';
import { cachedAnswer, keepAnswer, keyOf } from './response-cache.js';

export async function cachedVisitorAnswer(ctx: Ctx, open: OpenView, params: string, make: (reader: Reader) => Promise<unknown>): Promise<Buffer> {
  const { view } = open;
  // One statement for the key: whatever the creator reads with (permissions, fields, names)
  // moves the app's live revision or the domain's directory version.
  const found = await findAppForRecords(ctx.db, view.domainId, view.appId);
  if (!found || found.liveRevision === null || !found.app.deployed) throw notFound();
  const key = keyOf({
    domainId: view.domainId,
    viewId: view.id,
    configVersion: view.configVersion,
    appId: view.appId,
    liveRevision: found.liveRevision,
    directoryVersion: found.directoryVersion,
    locale: ctx.locale,
    params,
  });
  const cached = cachedAnswer(key, ctx.now);
  if (cached) return cached;
  const body = Buffer.from(JSON.stringify(await make(await readerFor(ctx, open))));
  keepAnswer(key, ctx.now, body);
  return body;
}
