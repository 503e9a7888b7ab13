// Stored records → kintone's GET shape as JSON text, with the current display names of the
// users, departments and groups they mention. Answers are assembled from these texts without
// building the objects (see compileApiRecord).
import type { Property, StoredValue } from '../../../common/fields/index.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { type Kind, KIND_OF as ENTITY_KIND_OF } from './entities.js';
import type { RecordSchema } from './schema.js';

// Assignees are shown with names too, though never written through a record.
const KIND_OF: Record<string, Kind> = { ...ENTITY_KIND_OF, STATUS_ASSIGNEE: 'user' };

type Values = Record<string, StoredValue>;
/** Where a schema keeps entity values: top-level field ids, and table ids with their columns. */
interface EntityPaths {
  top: Array<{ id: string; kind: Kind }>;
  tables: Array<{ id: string; columns: Array<{ id: string; kind: Kind }> }>;
}

const pathsBySchema = new WeakMap<RecordSchema['def'], EntityPaths>();

function entityPaths(schema: RecordSchema): EntityPaths {
  let paths = pathsBySchema.get(schema.def);
  if (paths) return paths;
  paths = { top: [], tables: [] };
  for (const p of Object.values(schema.fields)) {
    const id = schema.fieldIds[p.code];
    if (!id) continue;
    if (KIND_OF[p.type]) paths.top.push({ id, kind: KIND_OF[p.type]! });
    if (p.type === 'SUBTABLE') {
      const columns = Object.values((p.fields ?? {}) as Record<string, Property>)
        .filter((q) => KIND_OF[q.type] && schema.fieldIds[q.code])
        .map((q) => ({ id: schema.fieldIds[q.code]!, kind: KIND_OF[q.type]! }));
      if (columns.length) paths.tables.push({ id, columns });
    }
  }
  pathsBySchema.set(schema.def, paths);
  return paths;
}

function collect(paths: EntityPaths, data: Values, into: Record<Kind, Set<string>>): void {
  const add = (kind: Kind, v: StoredValue | undefined) => {
    if (Array.isArray(v)) for (const e of v as Array<{ code: string }>) into[kind].add(codeKey(e.code));
  };
  for (const f of paths.top) add(f.kind, data[f.id]);
  for (const t of paths.tables) {
    const rows = data[t.id];
    if (!Array.isArray(rows)) continue;
    for (const row of rows as Array<{ value: Values }>) for (const c of t.columns) add(c.kind, row.value?.[c.id]);
  }
}

export function recordNumber(appCode: string, id: number): string {
  return appCode ? `${appCode}-${id}` : String(id);
}

/**
 * Today's names of the users, departments and groups these stored values mention, and of these
 * users by id (0: kintone's "Administrator"): what `schema.writeApi` needs beyond the values.
 */
export async function namesFor(ctx: Ctx, schema: RecordSchema, datas: Values[], userIds: Iterable<number>) {
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  const paths = entityPaths(schema);
  if (paths.top.length || paths.tables.length) for (const data of datas) collect(paths, data, codes);
  const names = await loadNames(ctx, schema.directoryVersion, codes, new Set([...userIds].filter((id) => id > 0)));
  return {
    person: (id: number) => (id > 0 ? names.userCode(id) : 'Administrator'),
    name: (kind: string, code: string) => names.name(kind as Kind, code),
  };
}

/** Each record as kintone's JSON in UTF-8, in the order given. */
export async function renderRecords(ctx: Ctx, schema: RecordSchema, records: StoredRecord[], fieldsFilter?: string[]): Promise<Buffer[]> {
  if (records.length === 0) return [];
  const { person, name: nameOf } = await namesFor(ctx, schema, records.map((r) => r.data), records.flatMap((r) => [r.creatorId, r.modifierId]));
  const filter = fieldsFilter ? new Set(fieldsFilter) : undefined;
  return records.map((r) =>
    Buffer.from(schema.writeApi(r.data, {
      id: String(r.id),
      revision: String(r.revision),
      recordNumber: recordNumber(schema.app.code, r.id),
      creator: person(r.creatorId),
      createdAt: r.createdAt,
      modifier: person(r.modifierId),
      updatedAt: r.updatedAt,
      names: nameOf,
      fieldsFilter: filter,
      omit: schema.fieldLimits.none ? undefined : schema.fieldLimits.hiddenIn(r),
    })),
  );
}
