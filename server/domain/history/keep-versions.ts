// Record history, on the write path: every edit, status change and revert of a record keeps
// the record as it became, in the write's transaction — unless the app's history is off, or the
// save changed nothing (a gap in the revisions, as kintone shows). Adding records writes
// nothing here: a record's first version is its creation, and it is written from the record
// itself the first time the record is saved again (still at revision 1, with its creator and
// creation time). A record saved past revision 1 with no version yet — history turned on again,
// or records older than history — starts its history with the state before that save, whose
// changes are unknown.
import type { StoredValue } from '../../../common/fields/index.js';
import { type StoredVersion, type VersionKind, deleteAppVersions, insertVersions, recordsWithVersions } from '../../storage/history.repo.js';
import type { App } from '../../storage/apps.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';

type Values = Record<string, StoredValue>;

/** Whether an app records history (live settings; documents older than history: on). */
export function historyEnabled(def: AppDefinition): boolean {
  return def.settings.enableHistory !== false;
}

/** One record write: the record as it was, and what was stored. */
export interface RecordWrite {
  before: StoredRecord;
  after: Pick<StoredRecord, 'revision' | 'data' | 'modifierId' | 'updatedAt'>;
}

interface Schema {
  app: App;
  def: AppDefinition;
  fieldIds: Record<string, string>;
  fields: AppDefinition['fields'];
}

/** Keeps the versions `writes` made, in order (the same record may be written twice). */
export async function keepVersions(ctx: Ctx, schema: Schema, kind: Exclude<VersionKind, 'ADD'>, writes: RecordWrite[]): Promise<void> {
  if (writes.length === 0 || !historyEnabled(schema.def)) return;
  const { domainId, id: appId } = schema.app;
  const ids = topLevelIds(schema);
  const later = writes.filter((w) => w.before.revision > 1).map((w) => w.before.id);
  const started = await recordsWithVersions(ctx.db, domainId, appId, later);
  const rows: StoredVersion[] = [];
  for (const { before, after } of writes) {
    if (!started.has(before.id)) {
      rows.push(
        before.revision === 1
          ? { recordId: before.id, revision: 1, kind: 'ADD', data: before.data, changed: filledFields(schema, before.data), modifierId: before.creatorId, modifiedAt: before.createdAt }
          : { recordId: before.id, revision: before.revision, kind: 'EDIT', data: before.data, changed: null, modifierId: before.modifierId, modifiedAt: before.updatedAt },
      );
      started.add(before.id);
    }
    const changed = ids.filter((id) => !sameValue(before.data[id], after.data[id]));
    if (changed.length === 0) continue;
    rows.push({ recordId: before.id, revision: after.revision, kind, data: after.data, changed, modifierId: after.modifierId, modifiedAt: after.updatedAt });
  }
  await insertVersions(ctx.db, domainId, appId, rows);
}

/**
 * At deploy: history switched off forgets every version of the app (kintone deletes it).
 * Switched on again, it starts afresh, so nothing a write made while it was going off remains.
 */
export async function historyDeployed(ctx: Ctx, app: App, live: AppDefinition | null, next: AppDefinition): Promise<void> {
  if (!live || historyEnabled(live) === historyEnabled(next)) return;
  await deleteAppVersions(ctx.db, app.domainId, app.id);
}

/** Internal ids of the fields a version compares: the top-level fields of the live form. */
function topLevelIds(schema: Schema): string[] {
  return Object.values(schema.fields).flatMap((p) => (schema.fieldIds[p.code] ? [schema.fieldIds[p.code]!] : []));
}

/** What a creation changed: the fields it gave a value. */
export function filledFields(schema: Schema, data: Values): string[] {
  return topLevelIds(schema).filter((id) => !isEmpty(data[id]));
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Equal stored values. Object keys may come back in another order (PostgreSQL's jsonb sorts
 * them), and a field (or table column) added to the form after a record was saved is missing,
 * not empty, in it.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (isEmpty(a) && isEmpty(b))) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!sameValue((a as Values)[k], (b as Values)[k])) return false;
  return true;
}
