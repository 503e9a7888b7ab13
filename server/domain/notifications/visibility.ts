// Whether the reader may still see what a notification is about, decided when it is read or
// mailed, never when it was written (spec/security.md §2): the app through the reader's app
// rights as they are now, the record through their record permissions. An edit whose changed
// fields are all hidden from the reader is not there for them either: "something you may not
// see changed" is itself a trace (probe R10). One answer per app and record per request, asked
// in one statement per app. Thread notifications are asked of their space (threads.ts); licence
// notifications of the reader's being an administrator now (licence-notices.ts).
import type { StoredNotification } from '../../storage/notifications.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords, recordScope } from '../records/record-scope.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { isLicenceNotice, seesLicenceNotice } from './licence-notices.js';
import { ThreadNotices } from './threads.js';

export class ReaderView {
  readonly #schemas = new Map<number, RecordSchema | null>();
  /** `app:record` → seen (true), unseen (false), or the record itself when its fields matter. */
  readonly #records = new Map<string, boolean | StoredRecord>();

  /** Thread notifications: whether the reader still belongs to the thread's space. */
  readonly threads: ThreadNotices;

  constructor(readonly ctx: Ctx) {
    this.threads = new ThreadNotices(ctx);
  }

  /** The app's live schema with the reader's rights, or null when they may not view its records. */
  async schemaOf(appId: number): Promise<RecordSchema | null> {
    if (!this.#schemas.has(appId)) {
      let schema: RecordSchema | null = null;
      try {
        schema = await recordSchema(this.ctx, appId, 'view');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
      this.#schemas.set(appId, schema);
    }
    return this.#schemas.get(appId)!;
  }

  /** The notifications the reader may still see, in order. */
  async filter(rows: StoredNotification[]): Promise<StoredNotification[]> {
    const unknown = new Map<number, { ids: Set<number>; full: Set<number> }>();
    for (const n of rows) {
      if (n.appId === null || n.recordId === null || this.#records.has(key(n.appId, n.recordId))) continue;
      const u = unknown.get(n.appId) ?? { ids: new Set(), full: new Set() };
      u.ids.add(n.recordId);
      if (Array.isArray(n.detail.fields)) u.full.add(n.recordId);
      unknown.set(n.appId, u);
    }
    for (const [appId, u] of unknown) {
      const schema = await this.schemaOf(appId);
      if (!schema) {
        for (const id of u.ids) this.#records.set(key(appId, id), false);
        continue;
      }
      // Field permissions need the record's values: read those records whole, the rest by id.
      const full = schema.fieldLimits.none ? [] : [...u.full];
      const found = await findVisibleRecords(this.ctx, schema, full);
      for (const id of full) this.#records.set(key(appId, id), found.get(id) ?? false);
      const rest = [...u.ids].filter((id) => !this.#records.has(key(appId, id)));
      const seen = await visibleIds(this.ctx, schema, rest);
      for (const id of rest) this.#records.set(key(appId, id), seen.has(id));
    }
    await this.threads.load(rows);
    const out: StoredNotification[] = [];
    for (const n of rows) if (await this.#sees(n)) out.push(n);
    return out;
  }

  async #sees(n: StoredNotification): Promise<boolean> {
    if (isLicenceNotice(n)) return seesLicenceNotice(this.ctx, n);
    if (n.threadId !== null) return this.threads.sees(n);
    if (n.appId === null) return false;
    const schema = await this.schemaOf(n.appId);
    if (!schema) return false;
    if (n.recordId === null) return true;
    const found = this.#records.get(key(n.appId, n.recordId));
    if (found === undefined || found === false) return false;
    if (found === true || !Array.isArray(n.detail.fields)) return true;
    return visibleChanges(schema, n.detail.fields as string[], schema.fieldLimits.hiddenIn(found)).length > 0;
  }
}

function key(appId: number, recordId: number): string {
  return `${appId}:${recordId}`;
}

/** The changed fields (internal ids) the reader may see, as the fields they are now, in form order. */
export function visibleChanges(schema: RecordSchema, ids: string[], hidden: ReadonlySet<string>): Array<{ code: string; label: string }> {
  const changed = new Set(ids);
  const out: Array<{ code: string; label: string }> = [];
  for (const p of Object.values(schema.fields)) {
    // Assignees change through process management, which tells of it on its own.
    if (!changed.has(schema.fieldIds[p.code] ?? '') || hidden.has(p.code) || p.type === 'STATUS_ASSIGNEE') continue;
    out.push({ code: p.code, label: typeof p.label === 'string' ? p.label : p.code });
  }
  return out;
}

/** Which of these records exist inside the reader's view scope (ids only: no data is read). */
async function visibleIds(ctx: Ctx, schema: RecordSchema, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const view = (await recordScope(ctx, schema)).where('view');
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('records as r')
      .select('r.id')
      .where('r.domainId', '=', schema.app.domainId)
      .where('r.appId', '=', schema.app.id)
      .where('r.id', 'in', ids.slice(i, i + 1000))
      .$if(view !== null, (q) => q.where(view!))
      .execute();
    for (const r of rows) out.add(Number(r.id));
  }
  return out;
}
