// GET /public/{token}/files/{record}/{field}/{file}?expires&sig: one attachment, for a link this
// view signed and that has not expired — and only while the field is still one of the view's,
// readable by its creator, and the record still inside the view (P5). Every failure answers the
// same "not found"; a record's own file key means nothing here.
import type { StoredFile as StoredFileValue, StoredValue } from '../../../common/fields/index.js';
import { findFileByKeyHash } from '../../storage/files.repo.js';
import { openBlob } from '../../files/blob-store.js';
import { hashKey } from '../../files/keys.js';
import { servedAs } from '../../files/sniff.js';
import type { Download } from '../../files/open-for-download.js';
import type { Ctx } from '../context.js';
import { fileIdOf, linkValid } from './file-urls.js';
import { type OpenView, notFound } from './open-view.js';
import { readerFor } from './reader.js';
import { recordInView } from './visitor-record.js';

export interface FileLinkParams {
  record: string;
  field: string;
  file: string;
  expires?: string;
  sig?: string;
}

export async function visitorFile(ctx: Ctx, open: OpenView, p: FileLinkParams): Promise<Download> {
  const recordId = /^\d{1,10}$/.test(p.record) ? Number(p.record) : NaN;
  const expires = /^\d{1,12}$/.test(p.expires ?? '') ? Number(p.expires) : NaN;
  const link = { recordId, field: p.field, fileId: p.file, expires, sig: p.sig ?? '' };
  if (!Number.isSafeInteger(recordId) || !linkValid(open.view, link, ctx.now)) throw notFound();
  const reader = await readerFor(ctx, open);
  const { schema } = reader;
  const fieldId = Object.hasOwn(schema.fieldIds, p.field) ? schema.fieldIds[p.field] : undefined;
  // A file column is shown with its table; field permissions name whole fields.
  const holder = Object.hasOwn(schema.tableOf, p.field) ? schema.tableOf[p.field]! : p.field;
  const type = holder === p.field ? schema.fields[p.field]?.type : (schema.fields[holder]?.fields as Record<string, { type: string }> | undefined)?.[p.field]?.type;
  if (!fieldId || type !== 'FILE' || !reader.fields('publicView.file').includes(holder)) throw notFound();
  const record = await recordInView(reader, recordId);
  if (!record) throw notFound();
  const fileKey = filesIn(record.data, holder === p.field ? null : schema.fieldIds[holder]!, fieldId).find(
    (f) => fileIdOf(open.view.signingKey, recordId, p.field, f.fileKey) === p.file,
  )?.fileKey;
  if (!fileKey) throw notFound();
  const file = await findFileByKeyHash(ctx.db, open.view.domainId, 'attached', hashKey(fileKey));
  const owner = file?.owner;
  if (!file || !owner || owner.appId !== open.view.appId || owner.recordId !== recordId || owner.fieldId !== fieldId) throw notFound();
  const stream = await openBlob(ctx.config.filesDir, file);
  return { stream, name: file.name, size: file.size, sha256: file.sha256, ...servedAs(file.contentType) };
}

/** The files a record keeps in field `fieldId` (inside table `tableId` when given). */
function filesIn(data: Record<string, StoredValue>, tableId: string | null, fieldId: string): StoredFileValue[] {
  const list = (v: unknown) => (Array.isArray(v) ? (v as StoredFileValue[]) : []);
  if (tableId === null) return list(data[fieldId]);
  const rows = Array.isArray(data[tableId]) ? (data[tableId] as Array<{ value?: Record<string, StoredValue> }>) : [];
  return rows.flatMap((row) => list(row.value?.[fieldId]));
}
