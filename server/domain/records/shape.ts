// Record values move between two shapes: by field code (what the field and formula modules and
// the API speak) and by internal field id (what is stored). Values of fields that no longer
// exist stay in storage untouched by reads and are dropped on the next write.
import type { Property, StoredValue } from '../../../common/fields/index.js';
import type { RecordSchema } from './schema.js';

type Values = Record<string, StoredValue>;
type Row = { id: string; value: Values };

export function toStored(schema: RecordSchema, byCode: Values): Values {
  const out: Values = Object.create(null);
  for (const p of Object.values(schema.fields)) {
    const id = schema.fieldIds[p.code];
    const v = byCode[p.code];
    if (!id || v === undefined) continue;
    out[id] = p.type === 'SUBTABLE' ? ((v as Row[]).map((r) => ({ id: r.id, value: rowToStored(schema, p, r.value) })) as never) : v;
  }
  return out;
}

function rowToStored(schema: RecordSchema, table: Property, byCode: Values): Values {
  const out: Values = Object.create(null);
  for (const inner of Object.values((table.fields ?? {}) as Record<string, Property>)) {
    const id = schema.fieldIds[inner.code];
    if (id && byCode[inner.code] !== undefined) out[id] = byCode[inner.code]!;
  }
  return out;
}

export function fromStored(schema: RecordSchema, byId: Values): Values {
  const out: Values = Object.create(null);
  for (const p of Object.values(schema.fields)) {
    const id = schema.fieldIds[p.code];
    if (!id || !(id in byId)) continue;
    const v = byId[id]!;
    out[p.code] = p.type === 'SUBTABLE' && Array.isArray(v) ? ((v as Row[]).map((r) => ({ id: r.id, value: rowFromStored(schema, p, r.value) })) as never) : v;
  }
  return out;
}

function rowFromStored(schema: RecordSchema, table: Property, byId: Values): Values {
  const out: Values = Object.create(null);
  for (const inner of Object.values((table.fields ?? {}) as Record<string, Property>)) {
    const id = schema.fieldIds[inner.code];
    if (id && id in byId) out[inner.code] = byId[id]!;
  }
  return out;
}
