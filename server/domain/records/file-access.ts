// May this actor download this attached file now? Only if it may read the record and the field
// that holds the file (probe F1): the same question a GET record would answer.
import type { StoredFile } from '../../storage/files.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from './record-scope.js';
import { recordSchema } from './schema.js';

export async function mayReadRecordFile(ctx: Ctx, file: StoredFile): Promise<boolean> {
  const owner = file.owner;
  if (!owner) return false;
  try {
    const schema = await recordSchema(ctx, owner.appId, 'view');
    const code = Object.keys(schema.fieldIds).find((c) => schema.fieldIds[c] === owner.fieldId);
    if (code === undefined) return false;
    const record = (await findVisibleRecords(ctx, schema, [owner.recordId])).get(owner.recordId);
    if (!record) return false;
    // A file in a table is hidden with its table; field permissions name whole fields.
    const holder = schema.tableOf[code] ?? code;
    return !schema.fieldLimits.hiddenIn(record).has(holder);
  } catch (err) {
    if (err instanceof AppError) return false; // the app is gone or out of reach
    throw err;
  }
}
