// GET /public/{token}/records/{id}.json: one record's detail page — only a record inside the
// view's fixed filter and its creator's scope; any other id (outside, deleted, of another app,
// never used, not a number) answers the same "not found" (P4).
import type { VisitorDetailJson } from '../../../common/api/public-views.js';
import { MAX_ID } from '../../../common/api/params.js';
import type { Ctx } from '../context.js';
import { selectRecords } from '../records/list-records.js';
import { type OpenView, notFound } from './open-view.js';
import { columnsOf, presentRecords } from './present-records.js';
import type { Reader } from './reader.js';
import { cachedVisitorAnswer } from './visitor-answers.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { recordRevision } from '../../storage/public-views.repo.js';

/** The record `id` as the reader may show it, or null. */
export async function recordInView(reader: Reader, id: number): Promise<StoredRecord | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) return null;
  const compiled = await reader.compile({ kind: 'compare', field: { code: '$id', pos: 0 }, op: '=', value: { kind: 'number', value: String(id) } });
  const [record] = await selectRecords(reader.ctx, reader.schema, compiled, { limit: 1, offset: 0 });
  return record ?? null;
}

export async function visitorRecord(ctx: Ctx, open: OpenView, rawId: string): Promise<Buffer> {
  if (!/^\d{1,10}$/.test(rawId)) throw notFound();
  const id = Number(rawId);
  // Keyed by the record's revision too: a record edited out of the filter, or deleted, is "not
  // found" from the next request on. A missing one still goes through the scoped query below,
  // so an id outside the view costs what a random one does.
  const revision = id <= MAX_ID ? await recordRevision(ctx.db, open.view.domainId, open.view.appId, id) : null;
  return cachedVisitorAnswer(ctx, open, `record\0${id}\0${revision ?? 'none'}`, async (reader): Promise<VisitorDetailJson> => {
    const record = await recordInView(reader, id);
    if (!record) throw notFound();
    const fields = reader.fields('publicView.detail');
    const [presented] = await presentRecords(reader, [record], fields);
    return { view: { kind: open.view.kind, title: open.view.title, columns: columnsOf(reader, fields) }, record: presented! };
  });
}
