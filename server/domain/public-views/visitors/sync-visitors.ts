// POST visitors/sync.json: a view's visitors from an app's records, on demand — the e-mail field,
// an optional name field and attribute fields — read as the manager asking, so records (and
// fields of records) they may not read are not synced. Visitors an earlier sync brought and the
// app no longer lists are removed; those added by hand or CSV are left alone unless the app lists
// them too (then the app's values win). All or nothing, within the plan's limit. The same sync
// runs on a schedule (sync-schedule.ts), as the manager who set it.
import type { Property } from '../../../../common/fields/index.js';
import type { ImportResultJson } from '../../../../common/api/public-visitors.js';
import { deleteEmailSessions, deleteVisitors, listVisitors, putVisitor } from '../../../storage/public-view-visitors.repo.js';
import { AppError } from '../../app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Ctx } from '../../context.js';
import { renderRecords } from '../../records/present.js';
import { selectRecords } from '../../records/list-records.js';
import { compileScoped } from '../../records/record-scope.js';
import type { RecordSchema } from '../../records/schema.js';
import { reads, schemaAs } from '../check-settings.js';
import { normalizeEmail } from './email.js';
import { checkLimit, visitorsView } from './manage-visitors.js';

const EMAIL_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK']);
const NAME_TYPES = new Set(['SINGLE_LINE_TEXT']);
const ATTRIBUTE_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK', 'NUMBER', 'CALC', 'DROP_DOWN', 'RADIO_BUTTON', 'DATE', 'RECORD_NUMBER']);
const BATCH = 500;
/** Records read per sync at most: far above any plan's limit, which refuses the rest anyway. */
const MAX_RECORDS = 200_000;

export interface SyncInput {
  id: string;
  app: number;
  emailField: string;
  nameField?: string;
  attributes: Record<string, string>;
}

/** The source app as the manager (ctx.actor) reads it, and the fields a sync takes from it; refused when unfit. */
export async function checkSyncSource(ctx: Ctx, input: Omit<SyncInput, 'id'>): Promise<{ schema: RecordSchema; fields: string[] }> {
  // The manager's own reading of the source app: an app they may not read answers as kintone does.
  const schema = await schemaAs(ctx, input.app);
  const check = (code: string, types: Set<string>) => {
    const p = schema.fields[code] as Property | undefined;
    if (!p || !types.has(p.type) || !reads(schema, code)) throw new AppError('CB_PV39', { params: { field: code } });
  };
  check(input.emailField, EMAIL_TYPES);
  if (input.nameField) check(input.nameField, NAME_TYPES);
  for (const code of Object.values(input.attributes)) check(code, ATTRIBUTE_TYPES);
  const fields = [...new Set([input.emailField, ...(input.nameField ? [input.nameField] : []), ...Object.values(input.attributes)])];
  return { schema, fields };
}

/** `scheduled`: run by the schedule (sync-schedule.ts) rather than asked for; said in the audit row. */
export async function syncVisitors(ctx: Ctx, input: SyncInput, scheduled = false): Promise<ImportResultJson & { skipped: number }> {
  const { view, limit } = await visitorsView(ctx, input.id);
  const { schema, fields } = await checkSyncSource(ctx, input);

  const compiled = await compileScoped(ctx, schema, { where: null, orderBy: [{ field: { code: '$id', pos: 0 }, direction: 'asc' }], limit: null, offset: null });
  const found = new Map<string, { name: string; attributes: Record<string, string> }>();
  let skipped = 0;
  for (let offset = 0; offset < MAX_RECORDS; offset += BATCH) {
    const records = await selectRecords(ctx, schema, compiled, { limit: BATCH, offset });
    const texts = await renderRecords(ctx, schema, records, fields);
    for (const text of texts) {
      const values = JSON.parse(text.toString('utf8')) as Record<string, { value?: unknown } | undefined>;
      const str = (code: string) => (typeof values[code]?.value === 'string' ? (values[code].value as string) : '');
      const email = normalizeEmail(str(input.emailField));
      // No address, one that is not plain, or a field hidden from the manager in this record.
      if (!email || found.has(email)) {
        skipped++;
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const [key, code] of Object.entries(input.attributes)) if (str(code) !== '') attributes[key] = str(code).slice(0, 1_000);
      found.set(email, { name: input.nameField ? str(input.nameField).trim().slice(0, 200) : '', attributes });
    }
    if (records.length < BATCH) break;
  }

  let added = 0;
  for (const [email, v] of found) if ((await putVisitor(ctx.db, view.domainId, view.id, { email, ...v, source: 'app' }, ctx.now)) === 'added') added++;
  const gone = (await listVisitors(ctx.db, view.domainId, view.id)).filter((v) => v.source === 'app' && !found.has(v.email)).map((v) => v.email);
  const removed = await deleteVisitors(ctx.db, view.domainId, view.id, { emails: gone });
  for (const email of gone) await deleteEmailSessions(ctx.db, view.domainId, view.id, { email });
  await checkLimit(ctx, limit);
  await recordAudit(ctx, {
    action: 'publicView.visitors.sync',
    targetType: 'publicView',
    targetId: view.id,
    detail: { app: input.app, emailField: input.emailField, attributes: input.attributes, added, removed, skipped, ...(scheduled ? { scheduled } : {}) },
  });
  return { added, updated: found.size - added, removed, skipped };
}
