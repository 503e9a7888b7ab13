import { insertRecords } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { claimUniqueValues, indexText, ownFiles } from './persist.js';
import { prepareWrites } from './prepare.js';
import { startRecords } from '../process/initial-status.js';
import { assertWritable } from './field-limits.js';
import { recordSchema } from './schema.js';
import { toStored } from './shape.js';
import { type Writer, writerOf } from './writer.js';
import type { SystemInput } from '../../../common/fields/index.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { RecordSchema } from './schema.js';
import { recordsSaved } from '../notifications/records-saved.js';
import { recordsChanged } from './record-events.js';

/** POST record(s): all records or none. Returns ids and revisions in input order. */
export async function addRecords(ctx: Ctx, appId: number, records: unknown[], prefix: (i: number) => string): Promise<Array<{ id: number; revision: number }>> {
  const schema = await recordSchema(ctx, appId, 'add');
  const writer = await writerOf(ctx);
  for (const input of records) {
    if (input && typeof input === 'object') assertWritable(schema.fieldLimits, input as Record<string, unknown>, { fresh: { byCode: input as Record<string, unknown>, writerId: writer.userId } });
  }
  const systems: SystemInput[] = [];
  const values = await prepareWrites(ctx, schema, records.map((input, i) => ({ input, prefix: prefix(i) })), writer, systems);
  const stamps = await systemStamps(ctx, schema, systems, writer, records.map((_, i) => prefix(i)));
  const ids = await ctx.takeIds(`record:${appId}`, values.length);
  // Process management: each new record starts in the first status (process/initial-status.ts).
  await startRecords(ctx, schema, values.map((v, i) => ({ id: ids[i]!, values: v, creatorId: stamps[i]!.creatorId })));
  const { domainId } = schema.app;
  await insertRecords(ctx.db, domainId, appId, values.map((v, i) => ({ id: ids[i]!, revision: 1, data: toStored(schema, v), ...stamps[i]! })));
  const written = values.map((v, i) => ({ id: ids[i]!, values: v }));
  await claimUniqueValues(ctx, schema, written, true);
  await ownFiles(ctx, schema, written);
  await indexText(ctx, schema, written, true);
  // Notifications: who hears of these records (notifications/records-saved.ts).
  await recordsSaved(ctx, schema, { added: ids, edited: [] });
  const saved = ids.map((id) => ({ id, revision: 1 }));
  recordsChanged(ctx, appId, saved);
  return saved;
}

type Stamp = { creatorId: number; createdAt: Date; modifierId: number; updatedAt: Date };

/**
 * Who created and last changed each new record, and when. An app administrator may carry these
 * over (as cli-kintone's import does); for anyone else they are the writer and now.
 */
async function systemStamps(ctx: Ctx, schema: RecordSchema, systems: SystemInput[], writer: Writer, prefixes: string[]): Promise<Stamp[]> {
  const own: Stamp = { creatorId: writer.userId, createdAt: ctx.now, modifierId: writer.userId, updatedAt: ctx.now };
  const sent = systems.some((s) => s.creator || s.modifier || s.createdAt || s.updatedAt);
  if (!sent || !schema.rights.manage) return systems.map(() => own);
  const codes = [...new Set(systems.flatMap((s) => [s.creator, s.modifier]).filter((c): c is string => Boolean(c)).map(codeKey))];
  const rows = codes.length
    ? await ctx.db.selectFrom('users').select(['id', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', codes).execute()
    : [];
  const idOf = new Map(rows.map((r) => [r.codeKey, Number(r.id)]));
  const problems: Record<string, FieldProblem[]> = {};
  const stamps = systems.map((s, i) => {
    const person = (code: string | undefined, slot: 'CREATOR' | 'MODIFIER', fallback: number) => {
      if (!code) return fallback;
      const id = idOf.get(codeKey(code));
      if (id === undefined) {
        const field = Object.values(schema.fields).find((p) => p.type === slot);
        problems[`${prefixes[i]}.${field?.code ?? slot}.value`] = [{ key: 'notFound' }];
      }
      return id ?? fallback;
    };
    const createdAt = s.createdAt ? new Date(s.createdAt) : ctx.now;
    return {
      creatorId: person(s.creator, 'CREATOR', writer.userId),
      createdAt,
      modifierId: person(s.modifier, 'MODIFIER', writer.userId),
      updatedAt: s.updatedAt ? new Date(s.updatedAt) : s.createdAt ? createdAt : ctx.now,
    };
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  return stamps;
}
