// A manager's preview shows attachments (images, downloads) as visitors would get them, without a
// visitor URL and without writing anything. A preview's file links are signed, like a visitor's
// (file-urls.ts), with a key made for them: derived from the manager's own session (its id's hash,
// which never leaves the server), the app, the view and the creator it reads as. So a link opens
// for that session only, until it expires (15 minutes) or the session ends, and on every instance.
// Opening one (GET /v1/public-view/preview/file) checks, like a visitor's download: the link was
// signed for this session; the manager still manages the app; the creator is still active; the
// field is a file field both may read; the record is one the creator reads; the file is that
// record's. A preview answer without a session (an API client) keeps links that open nothing.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { PUBLIC_VIEW_PREVIEW_FILE_PATH } from '../../../common/api/public-view-preview.js';
import { numericId } from '../../../common/api/params.js';
import { listSettings } from '../../../common/api/public-views.js';
import type { Download } from '../../files/open-for-download.js';
import { findUserById } from '../../storage/users.repo.js';
import { appFor } from '../apps/load-app.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { reads, schemaAs } from './check-settings.js';
import { activeCreator } from './managed-view.js';
import { type OpenView, type PreviewSigner, asVisitor, factsOf, notFound } from './open-view.js';
import type { PublicView } from './view.js';
import { visitorFile } from './visitor-file.js';

export const previewFileInput = z.object({
  app: numericId,
  view: z.string().regex(/^pv_[0-9a-z]{20}$/),
  creator: numericId,
  record: z.string().max(20),
  field: z.string().min(1).max(128),
  file: z.string().max(100),
  expires: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
});
export type PreviewFileInput = z.output<typeof previewFileInput>;

/** The manager's session, when the request came with one (never a password header or a token). */
function sessionOf(ctx: Ctx): { userId: number; idHash: string } | null {
  const a = ctx.actor;
  return a.kind === 'user' && a.via === 'session' && a.sessionIdHash ? { userId: a.userId, idHash: a.sessionIdHash } : null;
}

function keyFor(session: { userId: number; idHash: string }, v: Pick<PublicView, 'domainId' | 'id' | 'appId' | 'creatorId'>): string {
  return createHmac('sha256', session.idHash).update(['public-view-preview', v.domainId, session.userId, v.appId, v.id, v.creatorId].join('\0')).digest('base64url');
}

/** Signs a preview's file links for the manager's session; null without one. */
export function previewSignerFor(ctx: Ctx): PreviewSigner | null {
  const session = sessionOf(ctx);
  if (!session) return null;
  return (v) => ({
    signingKey: keyFor(session, v),
    previewFilesAt: `${PUBLIC_VIEW_PREVIEW_FILE_PATH}?app=${v.appId}&view=${v.id}&creator=${v.creatorId}`,
  });
}

/** One attachment of a preview's answer, for the session that asked for the preview. */
export async function previewFile(ctx: Ctx, input: PreviewFileInput): Promise<Download> {
  const session = sessionOf(ctx);
  if (!session) throw notFound();
  let schema;
  try {
    schema = await schemaAs(ctx, (await appFor(ctx, input.app, 'app.manage')).id);
  } catch (err) {
    if (err instanceof AppError) throw notFound();
    throw err;
  }
  const creator = await activeCreator(ctx, input.creator);
  const user = creator && (await findUserById(ctx.db, ctx.actor.domainId, creator.userId));
  if (!creator || !user) throw notFound();
  // The field as the manager reads it (a column of a table is shown with its table).
  const holder = Object.hasOwn(schema.tableOf, input.field) ? schema.tableOf[input.field]! : input.field;
  if (!reads(schema, holder)) throw notFound();
  const v = { domainId: ctx.actor.domainId, id: input.view, appId: input.app, creatorId: creator.userId };
  // That field alone, read as the creator; visitorFile checks the link, the field, the record and the file.
  const view: PublicView = {
    ...v,
    kind: 'list',
    title: '',
    description: '',
    settings: listSettings.parse({ fields: [holder], detail: { enabled: false } }),
    published: true,
    urlTokenHash: '',
    signingKey: keyFor(session, v),
    passwordHash: null,
    ipAllow: [],
    emailAuth: null,
    configVersion: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const facts = { ...factsOf(view, { id: user.id, code: user.code, name: user.name, kind: user.kind, isAdmin: user.isAdmin, valid: user.valid, locale: user.locale }, null), servable: true };
  const open: OpenView = { view, facts, plan: 'light', token: 'preview', preview: true };
  return visitorFile(asVisitor(ctx, view), open, { record: input.record, field: input.field, file: input.file, expires: input.expires, sig: input.sig });
}
