// The client's all-records helpers, which is how scripts and cli-kintone move many records:
// addAllRecords / updateAllRecords / deleteAllRecords chunk into bulkRequest (20 × 100 per
// call), the getAllRecords family pages by $id, by cursor or by offset (500 a page). Checked
// with 1,200 records, value by value and in order, and with a failure in the middle.
import { KintoneAllRecordsError, type KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FormProperties, type KintoneServer, deployedApp, eachKintoneServer, uniqueName } from '../support/kintone.js';

const COUNT = 1200;

const FIELDS: FormProperties = {
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: 'コード', unique: true, required: true },
  num: { type: 'NUMBER', code: 'num', label: '番号' },
  label: { type: 'SINGLE_LINE_TEXT', code: 'label', label: '名前' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: '種別', options: { 通常: { label: '通常', index: '0' }, 特別: { label: '特別', index: '1' } } },
};

type Fields = Record<string, { type: string; value: unknown }>;
type UpsertItem = Parameters<KintoneRestAPIClient['record']['updateAllRecords']>[0]['records'][number];

/** The operation of an upsert's result (the client types results with and without one). */
function operationOf(r: { id: string; revision: string } | { id: string; revision: string; operation: string }): string | undefined {
  return 'operation' in r ? r.operation : undefined;
}

/** The i-th record of a batch: `num` runs through 0…COUNT−1 in a scrambled order (7 is prime to 1,200). */
function nth(i: number, prefix = 'K') {
  return {
    code: { value: `${prefix}${String(i).padStart(4, '0')}` },
    num: { value: String((i * 7) % COUNT) },
    label: { value: `レコード${i}` },
    kind: { value: '通常' },
  };
}

/** The four values of a record as GET answers them, for comparing whole records. */
function valuesOf(r: Fields) {
  return { code: r.code, num: r.num, label: r.label, kind: r.kind };
}

function expectedValues(i: number, prefix = 'K') {
  const n = nth(i, prefix);
  return {
    code: { type: 'SINGLE_LINE_TEXT', value: n.code.value },
    num: { type: 'NUMBER', value: n.num.value },
    label: { type: 'SINGLE_LINE_TEXT', value: n.label.value },
    kind: { type: 'DROP_DOWN', value: '通常' },
  };
}

/** Requests the server saw from index `from` on, as "METHOD path" with the query string decoded. */
function seen(s: KintoneServer, from: number): string[] {
  return s.requests.slice(from).map((r) => `${r.method} ${decodeURIComponent(r.url)}`);
}

eachKintoneServer((server) => {
  describe('1,200 records in and out', () => {
    let admin: KintoneRestAPIClient;
    let app: string;
    let added: Array<{ id: string; revision: string }>;
    let addRequests: string[];
    // By num descending: which input index each position holds.
    const byNumDesc = Array.from({ length: COUNT }, (_, i) => i).sort((a, b) => ((b * 7) % COUNT) - ((a * 7) % COUNT));

    beforeAll(async () => {
      const s = server();
      admin = s.client(s.admin);
      app = await deployedApp(admin, { properties: FIELDS });
      const before = s.requests.length;
      added = (await admin.record.addAllRecords({ app, records: Array.from({ length: COUNT }, (_, i) => nth(i)) })).records;
      addRequests = seen(s, before);
      // Records outside the condition the reads below use.
      await admin.record.addRecords({ app, records: [{ ...nth(0, 'X'), kind: { value: '特別' } }, { ...nth(1, 'X'), kind: { value: '特別' } }] });
    });

    it('addAllRecords sends one bulkRequest of 12 × 100 and answers ids in input order', async () => {
      expect(addRequests).toEqual(['POST /k/v1/bulkRequest.json']);
      expect(added).toHaveLength(COUNT);
      expect(added.every((r) => r.revision === '1')).toBe(true);
      const ids = added.map((r) => Number(r.id));
      expect(ids).toEqual(Array.from({ length: COUNT }, (_, i) => ids[0]! + i));
      // Each id holds the record sent at its position.
      const sample = [0, 99, 100, 599, 1199];
      const { records } = await admin.record.getRecords({ app, query: `$id in (${sample.map((i) => added[i]!.id).join(', ')}) order by $id asc` });
      expect(records.map((r) => valuesOf(r as Fields))).toEqual(sample.map((i) => expectedValues(i)));
    });

    it('getAllRecordsWithId pages by $id and answers every record, ascending, with the fields asked for', async () => {
      const s = server();
      const before = s.requests.length;
      const records = await admin.record.getAllRecordsWithId({ app, condition: 'kind in ("通常")', fields: ['code', 'num', 'label', 'kind'] });
      expect(records).toHaveLength(COUNT);
      expect(records.map((r) => r.$id!.value)).toEqual(added.map((r) => r.id));
      // The client appended $id to the fields; nothing else comes back.
      expect(records.every((r) => Object.keys(r).sort().join() === '$id,code,kind,label,num')).toBe(true);
      expect(records.map((r) => valuesOf(r as Fields))).toEqual(added.map((_, i) => expectedValues(i)));
      const last = added[999]!.id;
      expect(seen(s, before)).toEqual([
        `GET /k/v1/records.json?app=${app}&fields[0]=code&fields[1]=num&fields[2]=label&fields[3]=kind&fields[4]=$id&query=(kind in ("通常")) and $id > 0 order by $id asc limit 500`,
        `GET /k/v1/records.json?app=${app}&fields[0]=code&fields[1]=num&fields[2]=label&fields[3]=kind&fields[4]=$id&query=(kind in ("通常")) and $id > ${added[499]!.id} order by $id asc limit 500`,
        `GET /k/v1/records.json?app=${app}&fields[0]=code&fields[1]=num&fields[2]=label&fields[3]=kind&fields[4]=$id&query=(kind in ("通常")) and $id > ${last} order by $id asc limit 500`,
      ]);
    });

    it('getAllRecordsWithCursor reads a cursor of 500 a page to the end, in the order asked', async () => {
      const s = server();
      const before = s.requests.length;
      const records = await admin.record.getAllRecordsWithCursor({ app, query: 'kind in ("通常") order by num desc' });
      expect(records).toHaveLength(COUNT);
      expect(records.map((r) => valuesOf(r as Fields))).toEqual(byNumDesc.map((i) => expectedValues(i)));
      expect(records.map((r) => r.$id!.value)).toEqual(byNumDesc.map((i) => added[i]!.id));
      // One cursor, three pages, and no DELETE: the last page removed it.
      expect(seen(s, before).map((r) => r.replace(/id=[^&]+/, 'id=…'))).toEqual([
        'POST /k/v1/records/cursor.json',
        'GET /k/v1/records/cursor.json?id=…',
        'GET /k/v1/records/cursor.json?id=…',
        'GET /k/v1/records/cursor.json?id=…',
      ]);
    });

    it('getAllRecordsWithOffset pages with limit 500 and offset, in the order asked', async () => {
      const s = server();
      const before = s.requests.length;
      const records = await admin.record.getAllRecordsWithOffset({ app, condition: 'kind in ("通常")', orderBy: 'num desc' });
      expect(records).toHaveLength(COUNT);
      expect(records.map((r) => valuesOf(r as Fields))).toEqual(byNumDesc.map((i) => expectedValues(i)));
      expect(seen(s, before)).toEqual([0, 500, 1000].map((o) => `GET /k/v1/records.json?app=${app}&query=kind in ("通常") order by num desc limit 500 offset ${o}`));
    });

    it('getAllRecords picks $id paging without an order, a cursor with one, and offset when told', async () => {
      const byId = await admin.record.getAllRecords({ app, condition: 'kind in ("通常")' });
      expect(byId.map((r) => r.$id!.value)).toEqual(added.map((r) => r.id));
      const byCursor = await admin.record.getAllRecords({ app, condition: 'kind in ("通常")', orderBy: 'num desc' });
      expect(byCursor.map((r) => r.$id!.value)).toEqual(byNumDesc.map((i) => added[i]!.id));
      const byOffset = await admin.record.getAllRecords({ app, condition: 'kind in ("通常")', orderBy: 'num asc', withCursor: false });
      expect(byOffset.map((r) => r.$id!.value)).toEqual([...byNumDesc].reverse().map((i) => added[i]!.id));
      for (const records of [byId, byCursor, byOffset]) {
        expect(records).toHaveLength(COUNT);
        expect(records.every((r) => r.kind!.value === '通常' && r.$revision!.value === '1')).toBe(true);
      }
    });
  });

  describe('updateAllRecords and deleteAllRecords', () => {
    it('upserts by key and by id in chunks, answering INSERT or UPDATE for each in input order', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { properties: FIELDS });
      const { records: existing } = await admin.record.addAllRecords({ app, records: Array.from({ length: 300 }, (_, i) => nth(i)) });

      // 250 by key, every other one new; then a new record by a huge id (as cli-kintone sends for
      // a row without a key) and an update by id.
      const items: UpsertItem[] = [
        ...Array.from({ length: 250 }, (_, i): UpsertItem =>
          i % 2 === 0
            ? { updateKey: { field: 'code', value: nth(i).code.value }, record: { label: { value: `更新${i}` } } }
            : { updateKey: { field: 'code', value: `N${i}` }, record: { num: { value: 5000 + i }, label: { value: `新規${i}` } } },
        ),
        { id: String(Number.MAX_SAFE_INTEGER), record: { code: { value: 'HUGE' }, label: { value: '番号なし' } } },
        { id: existing[299]!.id, revision: '1', record: { label: { value: '番号で更新' } } },
      ];
      const before = s.requests.length;
      const { records: results } = await admin.record.updateAllRecords({ app, upsert: true, records: items });
      expect(seen(s, before)).toEqual(['POST /k/v1/bulkRequest.json']);
      expect(results).toHaveLength(252);
      const maxId = Math.max(...existing.map((r) => Number(r.id)));
      results.slice(0, 250).forEach((r, i) => {
        if (i % 2 === 0) expect(r, `item ${i}`).toEqual({ id: existing[i]!.id, revision: '2', operation: 'UPDATE' });
        else expect(r, `item ${i}`).toEqual({ id: expect.stringMatching(/^\d+$/), revision: '1', operation: 'INSERT' });
      });
      const inserted = results.filter((r) => operationOf(r) === 'INSERT').map((r) => Number(r.id));
      expect(inserted).toHaveLength(126);
      expect(inserted.every((id, k) => id > maxId && (k === 0 || id > inserted[k - 1]!))).toBe(true);
      expect(results[250]).toEqual({ id: expect.not.stringMatching(String(Number.MAX_SAFE_INTEGER)), revision: '1', operation: 'INSERT' });
      expect(results[251]).toEqual({ id: existing[299]!.id, revision: '2', operation: 'UPDATE' });

      const all = await admin.record.getAllRecordsWithId({ app, fields: ['code', 'num', 'label'] });
      expect(all).toHaveLength(426);
      const byCode = new Map(all.map((r) => [r.code!.value as string, r]));
      expect(byCode.get('K0000')).toMatchObject({ $id: { value: existing[0]!.id }, num: { value: '0' }, label: { value: '更新0' } });
      expect(byCode.get('K0001')).toMatchObject({ label: { value: 'レコード1' } });
      expect(byCode.get('N1')).toMatchObject({ $id: { value: results[1]!.id }, num: { value: '5001' }, label: { value: '新規1' } });
      expect(byCode.get('HUGE')).toMatchObject({ $id: { value: results[250]!.id }, label: { value: '番号なし' } });
      expect(byCode.get('K0299')).toMatchObject({ label: { value: '番号で更新' } });
    });

    it('deleteAllRecords deletes in chunks of 100, with and without revisions; a stale one deletes nothing', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { properties: FIELDS });
      const { records } = await admin.record.addAllRecords({ app, records: Array.from({ length: 250 }, (_, i) => nth(i)) });

      const stale = records.map((r, i) => (i === 180 ? { id: r.id, revision: '7' } : { id: r.id }));
      const err = await admin.record.deleteAllRecords({ app, records: stale }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KintoneAllRecordsError);
      const cause = (err as KintoneAllRecordsError).error as KintoneRestAPIError;
      expect(cause).toBeInstanceOf(KintoneRestAPIError);
      expect({ status: cause.status, code: cause.code, index: cause.bulkRequestIndex }).toEqual({ status: 409, code: 'GAIA_CO02', index: 1 });
      expect((await admin.record.getRecords({ app, totalCount: true, query: 'limit 1' })).totalCount).toBe('250');

      const before = s.requests.length;
      const mixed = records.map((r, i) => (i % 3 === 0 ? { id: r.id, revision: r.revision } : { id: r.id }));
      expect(await admin.record.deleteAllRecords({ app, records: mixed })).toEqual({});
      expect(seen(s, before)).toEqual(['POST /k/v1/bulkRequest.json']);
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('0');
    });
  });

  describe('a failure in the middle of addAllRecords', () => {
    it('names record 150 of 1,200 (one call: sub-request 1, records[49]) and stores none', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { properties: FIELDS });
      const records = Array.from({ length: COUNT }, (_, i) => (i === 149 ? { ...nth(i), kind: { value: '未定' } } : nth(i)));
      const err = await admin.record.addAllRecords({ app, records }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KintoneAllRecordsError);
      const e = err as KintoneAllRecordsError;
      expect(e.message).toBe('An error occurred at records[149]. 0/1200 records are processed successfully');
      expect({ errorIndex: e.errorIndex, processed: e.numOfProcessedRecords, result: e.processedRecordsResult }).toEqual({ errorIndex: 149, processed: 0, result: { records: [] } });
      const cause = e.error as KintoneRestAPIError;
      expect({ status: cause.status, code: cause.code, index: cause.bulkRequestIndex, errors: cause.errors }).toEqual({
        status: 400,
        code: 'CB_VA01',
        index: 1,
        errors: { 'records[49].kind.value': { messages: ['The value, "未定", is not in options.'] } },
      });
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('0');
    });

    it('names the failing record across chunks; earlier chunks stay, nothing of the failing one is stored', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { properties: FIELDS });
      // 2,150 records: the client sends 2,000 in one bulkRequest, then the rest in another,
      // where record 2,150 (index 2,149: sub-request 1, records[49]) has no code.
      const records = Array.from({ length: 2150 }, (_, i) => (i === 2149 ? { ...nth(i, uniqueName('F')), code: { value: '' } } : nth(i)));
      const err = await admin.record.addAllRecords({ app, records }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KintoneAllRecordsError);
      const e = err as KintoneAllRecordsError;
      expect(e.message).toBe('An error occurred at records[2149]. 2000/2150 records are processed successfully');
      expect({ errorIndex: e.errorIndex, processed: e.numOfProcessedRecords, all: e.numOfAllRecords, unprocessed: e.unprocessedRecords.length }).toEqual({
        errorIndex: 2149,
        processed: 2000,
        all: 2150,
        unprocessed: 150,
      });
      const cause = e.error as KintoneRestAPIError;
      expect({ status: cause.status, code: cause.code, index: cause.bulkRequestIndex, errors: cause.errors }).toEqual({
        status: 400,
        code: 'CB_VA01',
        index: 1,
        errors: { 'records[49].code.value': { messages: ['Required.'] } },
      });
      const processed = (e.processedRecordsResult as { records: Array<{ id: string }> }).records;
      expect(processed).toHaveLength(2000);

      const stored = await admin.record.getAllRecordsWithId({ app, fields: ['code'] });
      expect(stored.map((r) => r.$id!.value)).toEqual(processed.map((r) => r.id));
      expect(stored.map((r) => r.code!.value)).toEqual(records.slice(0, 2000).map((r) => r.code.value));
    });
  });
});
