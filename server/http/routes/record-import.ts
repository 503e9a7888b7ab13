// File imports larger than one bulkRequest (ours): every record in one transaction.
import { RECORD_IMPORT_PATH, recordImportInput } from '../../../common/api/record-import.js';
import { importRecords } from '../../domain/records/import-records.js';
import { defineRoute } from '../route.js';

export const recordImportRoutes = [
  defineRoute({
    method: 'POST',
    url: RECORD_IMPORT_PATH,
    access: 'app.read',
    input: recordImportInput,
    handler: async ({ input, command }) => {
      const { added, updated } = await command((ctx) => importRecords(ctx, input));
      return { added: String(added), updated: String(updated) };
    },
  }),
];
