// Records through @kintone/rest-api-client on an app with one field of every type: add with a
// value in every writable field (a table with rows, an attached file, a user, a department and
// a group that exist), read back field by field, update by id and by key, revision conflicts,
// lists with query, fields and totalCount, delete, and the attached file's bytes. Bulk helpers
// are in records-bulk.compat.test.ts, cursors in records-cursor.compat.test.ts.
import http from 'node:http';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type EveryFieldWorld, everyFieldExpected, everyFieldRecord, everyFieldWorld } from './all-field-types.js';
import { deployedApp, eachKintoneServer, errorText, kintoneError, uniqueName } from '../support/kintone.js';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
const RECORD_FILE_KEY = /^[0-9A-Za-z]{20,}$/;
const UPLOAD_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The test clock stands still (a test that moves it puts it back): records are made at this minute.
const NOW = '2026-04-01T00:00:00Z';

/** The fields kintone keeps by itself, as GET record answers them for a record made by `admin`. */
function systemFields(id: string, revision: string) {
  return {
    Record_number: { type: 'RECORD_NUMBER', value: id },
    Created_by: { type: 'CREATOR', value: { code: 'admin', name: 'admin' } },
    Created_datetime: { type: 'CREATED_TIME', value: NOW },
    Updated_by: { type: 'MODIFIER', value: { code: 'admin', name: 'admin' } },
    Updated_datetime: { type: 'UPDATED_TIME', value: NOW },
    $id: { type: '__ID__', value: id },
    $revision: { type: '__REVISION__', value: revision },
  };
}

type Fields = Record<string, { type: string; value: unknown }>;
type Row = { id: string; value: Fields };

eachKintoneServer((server) => {
  let w: EveryFieldWorld;
  beforeAll(async () => {
    w = await everyFieldWorld(server());
  });

  let made = 0;
  /**
   * Adds the every-field record with a fresh upload, answering its id and the upload key. Its
   * title and meeting are unique fields, so each copy gets its own.
   */
  async function addEveryFieldRecord(title: string): Promise<{ id: string; uploadKey: string }> {
    const { fileKey } = await w.admin.file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
    made++;
    const meeting = `2027-01-01T${String(Math.floor(made / 60)).padStart(2, '0')}:${String(made % 60).padStart(2, '0')}:00Z`;
    const record = { ...everyFieldRecord({ ...w.refs, fileKey }), title: { value: title }, meeting: { value: meeting } };
    const { id } = await w.admin.record.addRecord({ app: w.app, record });
    return { id, uploadKey: fileKey };
  }

  describe('adding and reading a record', () => {
    it('stores a value in every field type and answers each with its type, plus the system fields', async () => {
      const s = server();
      const { fileKey } = await w.admin.file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
      expect(fileKey).toMatch(UPLOAD_KEY);
      const added = await w.admin.record.addRecord({ app: w.app, record: everyFieldRecord({ ...w.refs, fileKey }) });
      expect(added).toEqual({ id: expect.stringMatching(/^[1-9]\d*$/), revision: '1' });
      expect(s.requests.at(-1)).toEqual({ method: 'POST', url: '/k/v1/record.json', override: undefined, status: 200 });

      const { record } = await w.admin.record.getRecord({ app: w.app, id: added.id });
      const file = { contentType: 'application/pdf', fileKey: expect.stringMatching(RECORD_FILE_KEY), name: '見積書.pdf', size: String(PDF.length) };
      // Strict: nothing more (no GROUP, no switched-off categories, status or assignee).
      expect(record).toStrictEqual({ ...everyFieldExpected(w.refs, w.names, file), ...systemFields(added.id, '1') });
      const rows = (record.items as { value: Row[] }).value;
      expect(rows[0]!.id).not.toBe(rows[1]!.id);

      // The record's file key is not the upload key, and it downloads the same bytes.
      const stored = (record.attachments as { value: Array<{ fileKey: string }> }).value[0]!.fileKey;
      expect(stored).not.toBe(fileKey);
      const bytes = await w.admin.file.downloadFile({ fileKey: stored });
      expect(Buffer.from(bytes)).toEqual(PDF);
      // The member reads the record and its file as well.
      expect(Buffer.from(await s.client(s.member).file.downloadFile({ fileKey: stored }))).toEqual(PDF);
      expect((await s.client(s.member).record.getRecord({ app: w.app, id: added.id })).record).toStrictEqual(record);
    });

    it('answers a download once when the client hangs up before the end', async () => {
      // cli-kintone exits as soon as it has the last attachment's bytes, often before the server
      // has seen its answer finish: that must not make the server answer the request again.
      const s = server();
      const big = Buffer.alloc(8 * 1024 * 1024, 0x61);
      const { fileKey: upload } = await w.admin.file.uploadFile({ file: { name: '大きい.bin', data: big } });
      const { id } = await w.admin.record.addRecord({ app: w.app, record: { title: { value: uniqueName('大') }, stage: { value: '受注' }, attachments: { value: [{ fileKey: upload }] } } });
      const { record } = await w.admin.record.getRecord({ app: w.app, id });
      const fileKey = (record.attachments!.value as Array<{ fileKey: string }>)[0]!.fileKey;
      const url = `/k/v1/file.json?fileKey=${fileKey}`;
      const before = s.requests.length;
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = http.get(`${s.baseUrl}${url}`, { headers: { 'x-cybozu-authorization': s.admin.auth } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve(res.statusCode);
          });
        });
        req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      });
      expect(status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(s.requests.slice(before)).toEqual([{ method: 'GET', url, override: undefined, status: 200 }]);
      // And the whole file still downloads.
      expect(Buffer.from(await w.admin.file.downloadFile({ fileKey })).equals(big)).toBe(true);
    });

    it('fills defaults for fields left out, and keeps explicit empties', async () => {
      const { id } = await w.admin.record.addRecord({ app: w.app, record: { title: { value: uniqueName('既定') }, stage: { value: '見込み' }, tags: { value: [] } } });
      const { record } = await w.admin.record.getRecord({ app: w.app, id });
      const values = Object.fromEntries(Object.entries(record as Fields).map(([k, f]) => [k, f.value]));
      expect(values).toMatchObject({
        notes: '一行目\n二行目',
        body: '',
        price: '100',
        total: '200',
        priority: '中',
        tags: [],
        regions: [],
        due: '2026-04-01',
        start: '09:30',
        meeting: '',
        site: '',
        attachments: [],
        owner: [{ code: 'admin', name: 'admin' }],
        department: [],
        team: [],
        items: [],
      });
    });

    it('spends an upload key on its first record: a second attach is GAIA_BL01 and adds nothing', async () => {
      const { id, uploadKey } = await addEveryFieldRecord(uniqueName('一度だけ'));
      const e = await kintoneError(
        w.admin.record.addRecord({ app: w.app, record: { title: { value: uniqueName('二度目') }, stage: { value: '受注' }, attachments: { value: [{ fileKey: uploadKey }] } } }),
        404,
        'GAIA_BL01',
      );
      expect(errorText(e)).toBe(`The specified file (id: ${uploadKey}) not found.`);
      const { records } = await w.admin.record.getRecords({ app: w.app, query: `$id > ${id}` });
      expect(records).toEqual([]);
    });

    it('names every invalid value the way kintone does, and stores nothing', async () => {
      const count = async () => (await w.admin.record.getRecords({ app: w.app, totalCount: true, query: 'limit 1' })).totalCount;
      const before = await count();
      const e = await kintoneError(
        w.admin.record.addRecord({
          app: w.app,
          record: {
            title: { value: 'x'.repeat(65) },
            price: { value: '2000000' },
            stage: { value: '' },
            tags: { value: ['Z'] },
            due: { value: '2026-13-45' },
            owner: { value: [{ code: uniqueName('nobody') }] },
            items: { value: [{ value: { item_name: { value: '' } } }] },
          },
        }),
        400,
        'CB_VA01',
      );
      expect(errorText(e)).toBe('Missing or invalid input.');
      expect(Object.keys(e.errors).sort()).toEqual(
        [
          'record.due.value',
          'record.items.value[0].value.item_name.value',
          'record.owner.values[0].value',
          'record.price.value',
          'record.stage.value',
          'record.tags.values[0].value',
          'record.title.value',
        ].sort(),
      );
      expect(e.errors['record.title.value']).toEqual({ messages: ['Enter less than 65 characters.'] });
      expect(e.errors['record.price.value']).toEqual({ messages: ['The value must be 1000000 or less.'] });
      expect(e.errors['record.tags.values[0].value']).toEqual({ messages: ['The value, "Z", is not in options.'] });
      expect(e.errors['record.stage.value']).toEqual({ messages: ['Required.'] });
      expect(await count()).toBe(before);
    });

    it('refuses a value another record has in a unique field', async () => {
      const title = uniqueName('一意');
      await w.admin.record.addRecord({ app: w.app, record: { title: { value: title }, stage: { value: '受注' } } });
      const e = await kintoneError(w.admin.record.addRecord({ app: w.app, record: { title: { value: title }, stage: { value: '受注' } } }), 400, 'CB_VA01');
      expect(e.errors).toEqual({ 'record.title.value': { messages: ['This value already exists in another record.'] } });
    });

    it('answers GAIA_RE01 404 for a record that does not exist', async () => {
      const e = await kintoneError(w.admin.record.getRecord({ app: w.app, id: 99999 }), 404, 'GAIA_RE01');
      expect(errorText(e)).toBe('The specified record (ID: 99999) is not found.');
    });

    // kintone lets an app administrator set Created by / Created datetime (and Updated by /
    // datetime) when adding a record: it is how cli-kintone's import carries them over.
    it('keeps the creator and creation time an app administrator sends on add', async () => {
      const s = server();
      const { id } = await w.admin.record.addRecord({
        app: w.app,
        record: {
          title: { value: uniqueName('移行') },
          stage: { value: '受注' },
          Created_by: { value: { code: s.member.code } },
          Created_datetime: { value: '2020-01-02T03:04:00Z' },
          Updated_by: { value: { code: s.member.code } },
          Updated_datetime: { value: '2020-01-03T03:04:00Z' },
        },
      });
      const { record } = await w.admin.record.getRecord({ app: w.app, id });
      expect({ by: record.Created_by!.value, at: record.Created_datetime!.value }).toEqual({ by: { code: s.member.code, name: s.member.code }, at: '2020-01-02T03:04:00Z' });
      expect({ by: record.Updated_by!.value, at: record.Updated_datetime!.value }).toEqual({ by: { code: s.member.code, name: s.member.code }, at: '2020-01-03T03:04:00Z' });
    });
  });

  describe('updating a record', () => {
    it('updates by id with a revision, merging table rows by row id', async () => {
      const s = server();
      const { id } = await addEveryFieldRecord(uniqueName('更新'));
      const before = (await w.admin.record.getRecord({ app: w.app, id })).record;
      const [first] = (before.items as { value: Row[] }).value;
      s.clock.advance(5 * 60_000);
      onTestFinished(() => s.clock.advance(-5 * 60_000));
      const member = s.client(s.member);
      const res = await member.record.updateRecord({
        app: w.app,
        id,
        revision: '1',
        record: {
          price: { value: '10' },
          tags: { value: ['B'] },
          owner: { value: [] },
          // The first row keeps its id and the column not sent; the second goes; a third is new.
          items: { value: [{ id: first!.id, value: { quantity: { value: '5' } } }, { value: { item_name: { value: 'ナット' } } }] },
        },
      });
      expect(res).toEqual({ revision: '2' });

      const { record } = await member.record.getRecord({ app: w.app, id });
      const rows = (record.items as { value: Row[] }).value;
      expect(rows).toEqual([
        {
          id: first!.id,
          value: { item_name: { type: 'SINGLE_LINE_TEXT', value: 'ねじ' }, quantity: { type: 'NUMBER', value: '5' }, subtotal: { type: 'CALC', value: '50' } },
        },
        {
          id: expect.stringMatching(/^[1-9]\d*$/),
          value: { item_name: { type: 'SINGLE_LINE_TEXT', value: 'ナット' }, quantity: { type: 'NUMBER', value: '1' }, subtotal: { type: 'CALC', value: '10' } },
        },
      ]);
      expect(rows[1]!.id).not.toBe((before.items as { value: Row[] }).value[1]!.id);
      // What was sent changed, formulas followed, the rest is as it was.
      const changed = new Set(['items', 'price', 'total', 'tags', 'owner', 'Updated_by', 'Updated_datetime', '$revision']);
      const rest = (r: Fields) => Object.fromEntries(Object.entries(r).filter(([k]) => !changed.has(k)));
      expect(rest(record as Fields)).toStrictEqual(rest(before as Fields));
      expect(Object.keys(rest(record as Fields))).toHaveLength(Object.keys(record).length - changed.size);
      expect(record.price).toEqual({ type: 'NUMBER', value: '10' });
      expect(record.total).toEqual({ type: 'CALC', value: '20' });
      expect(record.tags).toEqual({ type: 'CHECK_BOX', value: ['B'] });
      expect(record.owner).toEqual({ type: 'USER_SELECT', value: [] });
      expect(record.Updated_by).toEqual({ type: 'MODIFIER', value: { code: 'member', name: 'member' } });
      expect(record.Updated_datetime).toEqual({ type: 'UPDATED_TIME', value: '2026-04-01T00:05:00Z' });
      expect(record.$revision).toEqual({ type: '__REVISION__', value: '2' });
    });

    it('updates by updateKey on a unique field, and keeps an attached file by its record key', async () => {
      const title = uniqueName('キー');
      const { id } = await addEveryFieldRecord(title);
      const before = (await w.admin.record.getRecord({ app: w.app, id })).record;
      const files = (before.attachments as { value: Array<{ fileKey: string }> }).value;
      const res = await w.admin.record.updateRecord({
        app: w.app,
        updateKey: { field: 'title', value: title },
        record: { notes: { value: 'キーで更新' }, attachments: { value: [{ fileKey: files[0]!.fileKey }] } },
      });
      expect(res).toEqual({ revision: '2' });
      const { record } = await w.admin.record.getRecord({ app: w.app, id });
      expect(record.notes).toEqual({ type: 'MULTI_LINE_TEXT', value: 'キーで更新' });
      expect(record.attachments).toEqual(before.attachments);
      expect(Buffer.from(await w.admin.file.downloadFile({ fileKey: files[0]!.fileKey }))).toEqual(PDF);

      // A key no record has is GAIA_RE01 without upsert.
      await kintoneError(w.admin.record.updateRecord({ app: w.app, updateKey: { field: 'title', value: uniqueName('ない') }, record: {} }), 404, 'GAIA_RE01');
      // Replacing the file removes the old one: its key no longer downloads.
      await w.admin.record.updateRecord({ app: w.app, id, record: { attachments: { value: [] } } });
      const gone = await w.admin.file.downloadFile({ fileKey: files[0]!.fileKey }).then(
        () => undefined,
        (e: unknown) => e as { status: number },
      );
      expect(gone?.status).toBe(404);
    });

    it('finds a record by a unique NUMBER key however the number is written', async () => {
      const app = await deployedApp(w.admin, {
        properties: { no: { type: 'NUMBER', code: 'no', label: '番号', unique: true }, memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'メモ' } },
      });
      const { id } = await w.admin.record.addRecord({ app, record: { no: { value: '1000' } } });
      for (const [i, value] of [1000, '1000', '1e3', '1000.00', ' 1000 '].entries()) {
        const res = await w.admin.record.updateRecord({ app, updateKey: { field: 'no', value }, record: { memo: { value: `m${i}` } } });
        expect(res, `updateKey ${JSON.stringify(value)}`).toEqual({ revision: String(i + 2) });
      }
      // An upsert by such a key updates too, rather than adding a record with a taken number.
      const { records } = await w.admin.record.updateRecords({ app, upsert: true, records: [{ updateKey: { field: 'no', value: '1.0e3' }, record: {} }] });
      expect(records).toEqual([{ id, revision: '7', operation: 'UPDATE' }]);
      expect((await w.admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('1');
    });

    it('refuses a stale revision with GAIA_CO02 409 and changes nothing', async () => {
      const { id } = await addEveryFieldRecord(uniqueName('競合'));
      await w.admin.record.updateRecord({ app: w.app, id, revision: 1, record: { notes: { value: '先に保存' } } });
      const e = await kintoneError(w.admin.record.updateRecord({ app: w.app, id, revision: 1, record: { notes: { value: '後から保存' } } }), 409, 'GAIA_CO02');
      expect(errorText(e)).toBe('The specified revision is not the latest. Another user may have updated the record.');
      await kintoneError(w.admin.record.updateRecords({ app: w.app, records: [{ id, revision: 1, record: { notes: { value: '一括' } } }] }), 409, 'GAIA_CO02');
      await kintoneError(w.admin.record.deleteRecords({ app: w.app, ids: [id], revisions: [1] }), 409, 'GAIA_CO02');
      const { record } = await w.admin.record.getRecord({ app: w.app, id });
      expect({ notes: record.notes!.value, revision: record.$revision!.value }).toEqual({ notes: '先に保存', revision: '2' });
      // -1 skips the check, as an absent revision does.
      expect(await w.admin.record.updateRecord({ app: w.app, id, revision: -1, record: { notes: { value: '強制' } } })).toEqual({ revision: '3' });
    });
  });

  describe('listing and deleting records', () => {
    it('getRecords applies the query and the fields, and counts only when asked', async () => {
      const tag = uniqueName('一覧');
      const ids: string[] = [];
      for (const [i, price] of [300, 50, 700, 120].entries()) {
        const { id } = await w.admin.record.addRecord({
          app: w.app,
          record: { title: { value: `${tag}_${i}` }, stage: { value: '受注' }, price: { value: price }, items: { value: [{ value: { item_name: { value: `品${i}` } } }] } },
        });
        ids.push(id);
      }
      const query = `title like "${tag}" and price >= 100 order by price desc`;
      const listed = await w.admin.record.getRecords({ app: w.app, query, fields: ['$id', 'title', 'price', 'items'], totalCount: true });
      expect(listed.totalCount).toBe('3');
      expect(listed.records.map((r) => Object.keys(r).sort())).toEqual(Array(3).fill(['$id', 'items', 'price', 'title']));
      expect(listed.records.map((r) => [r.$id!.value, r.title!.value, r.price!.value])).toEqual([
        [ids[2], `${tag}_2`, '700'],
        [ids[0], `${tag}_0`, '300'],
        [ids[3], `${tag}_3`, '120'],
      ]);
      expect(listed.records[0]!.$id).toEqual({ type: '__ID__', value: ids[2] });
      expect((listed.records[0]!.items as { value: Row[] }).value[0]!.value.item_name).toEqual({ type: 'SINGLE_LINE_TEXT', value: '品2' });

      // Without totalCount it is null; without order by the newest come first; limit and offset page.
      const page = await w.admin.record.getRecords({ app: w.app, query: `title like "${tag}" limit 2 offset 1`, fields: ['title'] });
      expect(page).toEqual({ records: [{ title: { type: 'SINGLE_LINE_TEXT', value: `${tag}_2` } }, { title: { type: 'SINGLE_LINE_TEXT', value: `${tag}_1` } }], totalCount: null });
      // A table column is queried with in, and matches records with a row that has it.
      const byColumn = await w.admin.record.getRecords({ app: w.app, query: `item_name in ("品1", "品3") order by $id asc`, fields: ['$id'] });
      expect(byColumn.records.map((r) => r.$id!.value)).toEqual([ids[1], ids[3]]);
      const e = await kintoneError(w.admin.record.getRecords({ app: w.app, query: 'nosuchfield = "x"' }), 400, 'GAIA_IQ11');
      expect(e.errors).toBeUndefined();
    });

    it('answers a query too long for a URL, which the client sends as POST with X-HTTP-Method-Override', async () => {
      const s = server();
      const tag = uniqueName('長い');
      const { ids } = await w.admin.record.addRecords({ app: w.app, records: [0, 1, 2].map((i) => ({ title: { value: `${tag}_${i}` }, stage: { value: '見込み' } })) });
      const others = Array.from({ length: 400 }, (_, i) => `"存在しない名前_${i}"`).join(', ');
      const query = `$id in (${ids.join(', ')}) and title not in (${others}) order by $id desc limit 2`;
      expect(query.length).toBeGreaterThan(4096);
      const res = await w.admin.record.getRecords({ app: w.app, query, fields: ['title'], totalCount: true });
      // totalCount counts every match, not the page.
      expect(res).toEqual({ records: [2, 1].map((i) => ({ title: { type: 'SINGLE_LINE_TEXT', value: `${tag}_${i}` } })), totalCount: '3' });
      expect(s.requests.at(-1)).toEqual({ method: 'GET', url: '/k/v1/records.json', override: 'GET', status: 200 });
    });

    it('deleteRecords removes the records and their files, all or none', async () => {
      const a = await addEveryFieldRecord(uniqueName('削除A'));
      const b = await addEveryFieldRecord(uniqueName('削除B'));
      const fileKey = ((await w.admin.record.getRecord({ app: w.app, id: a.id })).record.attachments as { value: Array<{ fileKey: string }> }).value[0]!.fileKey;

      // One unknown id and nothing goes.
      await kintoneError(w.admin.record.deleteRecords({ app: w.app, ids: [a.id, 99999] }), 404, 'GAIA_RE01');
      expect((await w.admin.record.getRecords({ app: w.app, query: `$id in (${a.id}, ${b.id})`, totalCount: true })).totalCount).toBe('2');

      expect(await w.admin.record.deleteRecords({ app: w.app, ids: [a.id, b.id], revisions: [1, -1] })).toEqual({});
      await kintoneError(w.admin.record.getRecord({ app: w.app, id: a.id }), 404, 'GAIA_RE01');
      await kintoneError(w.admin.record.getRecord({ app: w.app, id: b.id }), 404, 'GAIA_RE01');
      const gone = await w.admin.file.downloadFile({ fileKey }).then(
        () => undefined,
        (e: unknown) => e as { status: number },
      );
      expect(gone?.status).toBe(404);
    });

    it('deletes 100 records named in the query string (ids[0] … ids[99])', async () => {
      const s = server();
      const tag = uniqueName('百件');
      const { ids } = await w.admin.record.addRecords({ app: w.app, records: Array.from({ length: 100 }, (_, i) => ({ title: { value: `${tag}_${i}` }, stage: { value: '見込み' } })) });
      expect(ids).toHaveLength(100);
      await w.admin.record.deleteRecords({ app: w.app, ids });
      const url = decodeURIComponent(s.requests.at(-1)!.url);
      expect(url.startsWith(`/k/v1/records.json?app=${w.app}&ids[0]=${ids[0]}&ids[1]=${ids[1]}&`)).toBe(true);
      expect(url.endsWith(`&ids[99]=${ids[99]}`)).toBe(true);
      expect((await w.admin.record.getRecords({ app: w.app, query: `title like "${tag}"`, totalCount: true })).totalCount).toBe('0');
    });
  });
});
