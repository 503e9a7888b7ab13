// Stored records → kintone's GET shape, with the current display names of the users,
// departments and groups they mention.
import { type ApiField, type Property, type StoredValue, toApiRecord } from '../../../common/fields/index.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { type Kind, KIND_OF as ENTITY_KIND_OF, TABLE_OF } from './entities.js';
import type { RecordSchema } from './schema.js';
import { fromStored } from './shape.js';

// Assignees are shown with names too, though never written through a record.
const KIND_OF: Record<string, Kind> = { ...ENTITY_KIND_OF, STATUS_ASSIGNEE: 'user' };

function collect(fields: Record<string, Property>, values: Record<string, StoredValue>, into: Record<Kind, Set<string>>): void {
  for (const p of Object.values(fields)) {
    const v = values[p.code];
    const kind = KIND_OF[p.type];
    if (kind && Array.isArray(v)) for (const e of v as Array<{ code: string }>) into[kind].add(codeKey(e.code));
    if (p.type === 'SUBTABLE' && Array.isArray(v)) {
      for (const row of v as Array<{ value: Record<string, StoredValue> }>) collect((p.fields ?? {}) as Record<string, Property>, row.value, into);
    }
  }
}

export function recordNumber(appCode: string, id: number): string {
  return appCode ? `${appCode}-${id}` : String(id);
}

export async function presentRecords(
  ctx: Ctx,
  schema: RecordSchema,
  records: StoredRecord[],
  fieldsFilter?: string[],
): Promise<Array<Record<string, ApiField>>> {
  const byCode = records.map((r) => fromStored(schema, r.data));
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  for (const v of byCode) collect(schema.fields, v, codes);
  const names: Record<Kind, Map<string, string>> = { user: new Map(), organization: new Map(), group: new Map() };
  for (const kind of Object.keys(codes) as Kind[]) {
    if (codes[kind].size === 0) continue;
    const rows = await ctx.db
      .selectFrom(TABLE_OF[kind])
      .select(['codeKey', 'name'])
      .where('domainId', '=', ctx.actor.domainId)
      .where('codeKey', 'in', [...codes[kind]])
      .execute();
    for (const r of rows) names[kind].set(r.codeKey, r.name);
  }
  const people = new Set(records.flatMap((r) => [r.creatorId, r.modifierId]).filter((id) => id > 0));
  const byId = new Map<number, { code: string; name: string }>();
  if (people.size) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'name', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('id', 'in', [...people]).execute();
    for (const r of rows) {
      byId.set(Number(r.id), { code: r.code, name: r.name });
      names.user.set(r.codeKey, r.name);
    }
  }
  const person = (id: number) => (id > 0 ? (byId.get(id)?.code ?? '') : 'Administrator');
  return records.map((r, i) =>
    toApiRecord(schema.fields, byCode[i]!, {
      id: String(r.id),
      revision: String(r.revision),
      recordNumber: recordNumber(schema.app.code, r.id),
      creator: person(r.creatorId),
      createdAt: r.createdAt,
      modifier: person(r.modifierId),
      updatedAt: r.updatedAt,
      names: (kind, code) => names[kind as Kind]?.get(codeKey(code)),
      fieldsFilter,
    }),
  );
}
