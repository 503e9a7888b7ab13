// A visitor's answer, from the cache when an equal one is fresh (response-cache.ts), otherwise
// made by `make` as the view's reader and kept. On a cache hit the database is read once, for the
// view itself (open-view.ts reads its app's revision with it).
import { findAppForRecords } from '../../storage/apps.repo.js';
import type { VisitedAppFacts } from '../../storage/public-views.repo.js';
import { foreignCommitStamp } from '../../storage/dialect.js';
import { type Ctx, offThread } from '../context.js';
import { type OpenView, notFound } from './open-view.js';
import { type Reader, readerFor } from './reader.js';
import { identityKey, identityOf } from './visitors/identity.js';
import type { PublicViewerActor } from '../../policy/actor.js';
import { type AnswerKey, cachedAnswer } from './response-cache.js';

export async function cachedVisitorAnswer(ctx: Ctx, open: OpenView, params: string, make: (reader: Reader) => Promise<unknown>): Promise<Buffer> {
  const { view } = open;
  // The key: whatever the creator reads with (permissions, fields, names) moves the app's live
  // revision or the domain's directory version — read with the view, or here in one statement.
  const found = open.app !== undefined ? open.app : await appFacts(ctx, view.domainId, view.appId);
  if (!found || found.liveRevision === null || !found.deployed) throw notFound();
  // A preview's draft shares the view's id and version with its saved settings: never kept.
  if (open.preview) return Buffer.from(JSON.stringify(await make(await readerFor(ctx, open))));
  const key: AnswerKey = {
    domainId: view.domainId,
    viewId: view.id,
    configVersion: view.configVersion,
    appId: view.appId,
    liveRevision: found.liveRevision,
    directoryVersion: found.directoryVersion,
    locale: ctx.locale,
    // A MyPage answer is the signed-in visitor's alone: their identity is part of its key (P9).
    params: view.kind === 'myPage' ? `${identityKey(identityOf(ctx.actor as PublicViewerActor))}\0${params}` : params,
  };
  const stamp = open.recordsFollowed ? () => foreignCommitStamp(ctx.db) : undefined;
  // Made on SQLite's read threads where there are some: a new page of a large app may take a
  // good part of a second, and the cached pages everyone reads are served meanwhile.
  return cachedAnswer(key, ctx.now, async () => Buffer.from(JSON.stringify(await make(await readerFor(offThread(ctx), open)))), stamp);
}

async function appFacts(ctx: Ctx, domainId: string, appId: number): Promise<VisitedAppFacts | null> {
  const found = await findAppForRecords(ctx.db, domainId, appId);
  return found && { deployed: found.app.deployed, liveRevision: found.liveRevision, directoryVersion: found.directoryVersion };
}
