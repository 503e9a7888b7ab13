import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { placeOf } from '../../../api/place';
import type { ImportRow } from './csv-records';
import { bulkRequestsOf, failuresOf } from './import-run';

const rows: ImportRow[] = Array.from({ length: 250 }, (_, i) => ({
  line: i + 2,
  cells: [{ code: 'title', type: 'SINGLE_LINE_TEXT', cell: { value: `T${i}`, shown: `T${i}` } }],
}));

describe('import requests', () => {
  it('sends 100 records per write, under the page’s guest space', () => {
    const requests = bulkRequestsOf(placeOf('7'), '5', rows, { mode: 'add' });
    expect(requests.map((r) => [r.method, r.api, (r.payload.records as unknown[]).length])).toEqual([
      ['POST', '/k/guest/7/v1/records.json', 100],
      ['POST', '/k/guest/7/v1/records.json', 100],
      ['POST', '/k/guest/7/v1/records.json', 50],
    ]);
    const update = bulkRequestsOf(placeOf(undefined), '5', rows.slice(0, 1), { mode: 'update', keyField: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'T' } });
    expect(update[0]).toEqual({ method: 'PUT', api: '/k/v1/records.json', payload: { app: '5', upsert: true, records: [{ updateKey: { field: 'title', value: 'T0' }, record: {} }] } });
  });

  it('names the file’s line of each refused record', () => {
    const error = new ApiError(400, {
      code: 'CB_VA01',
      id: 'x',
      message: 'Missing or invalid input.',
      errors: { 'records[3].amount.value': { messages: ['The value must be 100 or less.'] }, 'records[0].title.value': { messages: ['Required.'] } },
    });
    expect(failuresOf(100, error, rows)).toEqual([
      { line: 102, message: 'Required.' },
      { line: 105, message: 'The value must be 100 or less.' },
    ]);
    expect(failuresOf(0, new ApiError(403, { code: 'CB_NO02', id: 'y', message: 'No privilege to proceed.' }), rows)).toEqual([{ line: null, message: 'No privilege to proceed.' }]);
  });
});
