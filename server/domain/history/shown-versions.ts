// Which versions of a record a caller is shown, and which of their changes (spec/security.md
// R10: no trace of a field one may not see). A change is shown when its field is still on the
// form, is one that record answers carry, and the caller may see it in the record as it is now.
// A version whose changes are all left out is left out itself — a gap, as when nothing changed.
// A record's first version (its creation, or where its history begins) is always shown.
import type { StoredValue } from '../../../common/fields/index.js';
import type { VersionHead } from '../../storage/history.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import type { AppDefinition } from '../apps/definition.js';
import type { RecordSchema } from '../records/schema.js';

export interface ShownVersion {
  head: VersionHead;
  /** Codes of the changed fields the caller sees, in form order. */
  codes: string[];
}

// Internal id → code of the top-level fields record answers carry (not containers, nor
// process-management fields while it is off), per live definition.
const answered = new WeakMap<AppDefinition, Map<string, string>>();

function answeredFields(schema: RecordSchema): Map<string, string> {
  let out = answered.get(schema.def);
  if (!out) {
    const empty = { id: '', revision: '', recordNumber: '', creator: '', createdAt: '', modifier: '', updatedAt: '', names: () => undefined };
    const codes = Object.keys(JSON.parse(schema.writeApi({}, empty)) as object);
    out = new Map(codes.flatMap((code) => (schema.fieldIds[code] ? [[schema.fieldIds[code]!, code] as const] : [])));
    answered.set(schema.def, out);
  }
  return out;
}

/** The caller's versions of a record, oldest first. `hidden`: codes hidden from the caller in it now. */
export function shownVersions(schema: RecordSchema, heads: VersionHead[], hidden: ReadonlySet<string>): ShownVersion[] {
  const fields = answeredFields(schema);
  const shown: ShownVersion[] = [];
  for (const [i, head] of heads.entries()) {
    const ids = new Set(head.changed ?? []);
    const codes: string[] = [];
    for (const [id, code] of fields) if (ids.has(id) && !hidden.has(code)) codes.push(code);
    if (codes.length || i === 0) shown.push({ head, codes });
  }
  return shown;
}

/** Codes hidden from the caller in the record as it is now. */
export function hiddenNow(schema: RecordSchema, record: StoredRecord): ReadonlySet<string> {
  return schema.fieldLimits.none ? new Set() : schema.fieldLimits.hiddenIn(record);
}

export type Values = Record<string, StoredValue>;
