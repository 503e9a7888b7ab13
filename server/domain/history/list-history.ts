// GET record/history.json: a page of a record's versions, newest first, each with the fields it
// changed as kintone's record JSON writes them, before and after. Who may: anyone who may view
// the record now (app view right, record inside the caller's record permissions — else
// GAIA_RE01, exactly as for a record that does not exist). What they see: shown-versions.ts.
import { DEFAULT_VERSIONS_PER_PAGE, type FieldChangeJson, type HistoryPage, type VersionJson } from '../../../common/api/history.js';
import type { Property } from '../../../common/fields/index.js';
import { type VersionHead, type VersionedRecord, versionData, versionHeads } from '../../storage/history.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { namesFor, recordNumber } from '../records/present.js';
import { findVisibleRecords } from '../records/record-scope.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { filledFields, historyEnabled } from './keep-versions.js';
import { type ShownVersion, type Values, hiddenNow, shownVersions } from './shown-versions.js';

/** The record a history call is about, as the caller may see it now, and its versions they are shown. */
export async function historyOf(ctx: Ctx, schema: RecordSchema, recordId: number, also?: 'edit') {
  const record = (await findVisibleRecords(ctx, schema, [recordId], also)).get(recordId);
  if (!record) throw new AppError('GAIA_RE01', { params: { id: recordId } });
  const key: VersionedRecord = { domainId: schema.app.domainId, appId: schema.app.id, recordId };
  const hidden = hiddenNow(schema, record);
  // Switched off, the history was deleted and nothing is kept: there is none to show.
  const heads = historyEnabled(schema.def) ? await versionHeads(ctx.db, key) : [];
  // Versions are written from a record's first change on; until then the record is its own
  // first version, as the next save would keep it (history/keep-versions.ts).
  const own = heads.length === 0 && historyEnabled(schema.def) ? ownVersion(schema, record) : null;
  if (own) heads.push(own);
  const data = async (revisions: number[]): Promise<Map<number, Values>> => {
    const found = await versionData(ctx.db, key, revisions.filter((r) => r !== own?.revision));
    if (own && revisions.includes(own.revision)) found.set(own.revision, record.data);
    return found;
  };
  return { record, hidden, heads, data, shown: shownVersions(schema, heads, hidden) };
}

/** The version a record with none stored is: its creation at revision 1, else where its history begins. */
function ownVersion(schema: RecordSchema, r: StoredRecord): VersionHead {
  if (r.revision > 1) return { revision: r.revision, kind: 'EDIT', changed: null, modifierId: r.modifierId, modifiedAt: r.updatedAt };
  return { revision: 1, kind: 'ADD', changed: filledFields(schema, r.data), modifierId: r.creatorId, modifiedAt: r.createdAt };
}

export async function listHistory(ctx: Ctx, appId: number, recordId: number, page: { offset?: number; limit?: number } = {}): Promise<HistoryPage> {
  const schema = await recordSchema(ctx, appId, 'view');
  const { record, hidden, heads, data, shown } = await historyOf(ctx, schema, recordId);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? DEFAULT_VERSIONS_PER_PAGE;
  const newestFirst = [...shown].reverse();
  const slice = newestFirst.slice(offset, offset + limit);
  // Each version's changes are against the version stored just before it, shown or not.
  const previous = new Map<number, number>();
  for (const [i, h] of heads.entries()) if (i > 0) previous.set(h.revision, heads[i - 1]!.revision);
  const found = await data(slice.flatMap((v) => [v.head.revision, ...(previous.has(v.head.revision) ? [previous.get(v.head.revision)!] : [])]));
  const versions = await presentVersions(ctx, schema, record, hidden, slice, (v) => ({
    before: previous.has(v.head.revision) ? (found.get(previous.get(v.head.revision)!) ?? {}) : {},
    after: found.get(v.head.revision) ?? {},
  }));
  return { versions, older: offset + limit < newestFirst.length };
}

const CREATION: Record<'person' | 'time', Property['type']> = { person: 'CREATOR', time: 'CREATED_TIME' };
const CHANGE: Record<'person' | 'time', Property['type']> = { person: 'MODIFIER', time: 'UPDATED_TIME' };

async function presentVersions(
  ctx: Ctx,
  schema: RecordSchema,
  record: StoredRecord,
  hidden: ReadonlySet<string>,
  versions: ShownVersion[],
  snapshots: (v: ShownVersion) => { before: Values; after: Values },
): Promise<VersionJson[]> {
  const pairs = versions.map(snapshots);
  const names = await namesFor(ctx, schema, pairs.flatMap((p) => [p.before, p.after]), versions.map((v) => v.head.modifierId));
  // Who saved a version and when are the modifier and updated-time fields of that revision (the
  // creator and created time for the first): left out for a caller who may not see them.
  const seen = (type: string) => !Object.values(schema.fields).some((p) => p.type === type && hidden.has(p.code));
  const extras = {
    id: String(record.id),
    revision: '',
    recordNumber: recordNumber(schema.app.code, record.id),
    creator: '',
    createdAt: record.createdAt,
    modifier: '',
    updatedAt: record.updatedAt,
    names: names.name,
  };
  return versions.map((v, i) => {
    const filter = new Set(v.codes);
    const before = JSON.parse(schema.writeApi(pairs[i]!.before, { ...extras, fieldsFilter: filter, omit: hidden })) as Record<string, { type: string; value: unknown }>;
    const after = JSON.parse(schema.writeApi(pairs[i]!.after, { ...extras, fieldsFilter: filter, omit: hidden })) as Record<string, { type: string; value: unknown }>;
    const changes: FieldChangeJson[] = v.codes.flatMap((code) => (after[code] ? [{ code, type: after[code].type, before: before[code]?.value ?? null, after: after[code].value }] : []));
    const slots = v.head.kind === 'ADD' ? CREATION : CHANGE;
    return {
      revision: String(v.head.revision),
      modifier: seen(slots.person) ? person(v.head.modifierId, names) : null,
      updatedAt: seen(slots.time) ? v.head.modifiedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      kind: v.head.kind,
      changes,
    };
  });
}

/** A user by id as kintone shows people: a deleted one by code, an API token as "Administrator". */
function person(id: number, names: { person(id: number): string; name(kind: string, code: string): string | undefined }): { code: string; name: string } {
  if (id === 0) return { code: 'Administrator', name: 'Administrator' };
  const code = names.person(id);
  return { code, name: (code && names.name('user', code)) || code };
}
