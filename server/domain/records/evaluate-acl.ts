// records/acl/evaluate.json: what the caller may do with each record and each of its fields,
// computed by the same scope and field limits that every other call uses. Records outside the
// caller's view answer as missing; hidden fields are not listed (probe R9).
import type { RecordRightsJson } from '../../../common/api/acl.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from './record-scope.js';
import { recordSchema } from './schema.js';

// The answer's shape is shared with the web client (common/api/acl.ts).
export type { RecordRightsJson };

const NOT_A_VALUE = new Set(['GROUP', 'REFERENCE_TABLE', 'LABEL', 'SPACER', 'HR']);

export async function evaluateAcl(ctx: Ctx, appId: number, ids: number[]): Promise<RecordRightsJson[]> {
  const schema = await recordSchema(ctx, appId, 'view');
  const editable = await findVisibleRecords(ctx, schema, ids, 'edit');
  const deletable = await findVisibleRecords(ctx, schema, ids, 'delete');
  for (const id of ids) if (!editable.has(id)) throw new AppError('GAIA_RE01', { params: { id } });
  const codes = Object.values(schema.fields)
    .filter((p) => !NOT_A_VALUE.has(p.type) && !(['STATUS', 'STATUS_ASSIGNEE', 'CATEGORY'].includes(p.type) && p.enabled !== true))
    .map((p) => p.code);
  return ids.map((id) => {
    const r = editable.get(id)!;
    const canEdit = schema.rights.edit && r.allowed;
    const hidden = schema.fieldLimits.hiddenIn(r);
    const readOnly = new Set(schema.fieldLimits.unwritable(codes, { stored: r }));
    const fields: RecordRightsJson['fields'] = {};
    for (const code of codes) if (!hidden.has(code)) fields[code] = { viewable: true, editable: canEdit && !readOnly.has(code) };
    return { id: String(id), record: { viewable: true, editable: canEdit, deletable: schema.rights.delete && deletable.get(id)!.allowed }, fields };
  });
}
