// A file import of many records in the caller's ONE transaction: the same writes as POST / PUT
// records.json, 100 at a time so each step's work stays bounded, with problems named by the
// record's place in the whole import (`records[1234].price.value`). The first refused step
// undoes everything (the transaction), so an import is all or nothing.
import type { RecordImportInput } from '../../../common/api/record-import.js';
import type { Ctx } from '../context.js';
import { addRecords } from './add-records.js';
import { updateRecords } from './update-records.js';

const STEP = 100;

export async function importRecords(ctx: Ctx, input: RecordImportInput): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (let start = 0; start < input.records.length; start += STEP) {
    const prefix = (i: number) => `records[${start + i}]`;
    if (input.mode === 'add') {
      added += (await addRecords(ctx, input.app, input.records.slice(start, start + STEP), prefix)).length;
    } else {
      const results = await updateRecords(ctx, input.app, input.records.slice(start, start + STEP), { upsert: true, prefix });
      for (const r of results) {
        if (r.operation === 'INSERT') added += 1;
        else updated += 1;
      }
    }
  }
  return { added, updated };
}
