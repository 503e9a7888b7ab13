// cli-kintone's record commands against a listening server, as a user runs them with
// KINTONE_BASE_URL / KINTONE_USERNAME / KINTONE_PASSWORD: export to CSV (every field type, a
// table as one CSV row per table row, attachments downloaded), import adding records, import
// upserting by a unique field and by record number (rows without a key arrive with dummy ids
// from 2^53−1 down and must be inserted), import with attachments, an export → import → export
// round trip into a fresh app (record delete: cli-delete.compat.test.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EveryFieldWorld, allFieldProperties, everyFieldRecord, everyFieldWorld } from './all-field-types.js';
import { type FormProperties, type KintoneServer, csvObjects, deployAndWait, deployedApp, eachKintoneServer, formatCsv, parseCsv, uniqueName } from '../support/kintone.js';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
const NOW = '2026-04-01T00:00:00Z';

/** The CSV header of the every-field app: form order, the table's columns after it, system fields last. */
const HEADER = [
  '*',
  'Record_number',
  'title',
  'notes',
  'body',
  'price',
  'total',
  'priority',
  'tags',
  'regions',
  'stage',
  'due',
  'start',
  'meeting',
  'site',
  'attachments',
  'owner',
  'department',
  'team',
  'items',
  'item_name',
  'quantity',
  'subtotal',
  'Created_by',
  'Created_datetime',
  'Updated_by',
  'Updated_datetime',
];

/** The CSV cells of `everyFieldRecord` outside the table (multi-valued cells join with \n). */
function everyFieldCells(w: EveryFieldWorld, id: string, attachments: string): Record<string, string> {
  return {
    Record_number: id,
    title: '見積 ①「春」',
    notes: '一行目\n二行目, "引用"あり',
    body: '<div><b>太字</b>と<i>斜体</i>の本文</div>',
    price: '1234.5',
    total: '2469',
    priority: '高',
    tags: 'A\nC',
    regions: '東日本\n西日本',
    stage: '受注',
    due: '2026-05-01',
    start: '13:45',
    meeting: '2026-05-01T01:30:00Z',
    site: 'sales@example.com',
    attachments,
    owner: w.refs.user,
    department: w.refs.organization,
    team: w.refs.group,
    Created_by: 'admin',
    Created_datetime: NOW,
    Updated_by: 'admin',
    Updated_datetime: NOW,
  };
}

/** A record with the form's defaults only (and a title), as export writes it. */
function defaultCells(id: string, title: string): Record<string, string> {
  return {
    '*': '*',
    Record_number: id,
    title,
    notes: '一行目\n二行目',
    body: '',
    price: '100',
    total: '200',
    priority: '中',
    tags: 'A\nC',
    regions: '',
    stage: '見込み',
    due: '2026-04-01',
    start: '09:30',
    meeting: '',
    site: '',
    attachments: '',
    owner: 'admin',
    department: '',
    team: '',
    items: '',
    item_name: '',
    quantity: '',
    subtotal: '',
    Created_by: 'admin',
    Created_datetime: NOW,
    Updated_by: 'admin',
    Updated_datetime: NOW,
  };
}

/** A small app for imports: a unique key, a number, a table. */
const IMPORT_FIELDS: FormProperties = {
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: 'コード', unique: true },
  name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: '名前' },
  qty: { type: 'NUMBER', code: 'qty', label: '数量' },
  lines: {
    type: 'SUBTABLE',
    code: 'lines',
    label: '明細',
    fields: { memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'メモ' }, amount: { type: 'NUMBER', code: 'amount', label: '金額' } },
  },
};

type Fields = Record<string, { type: string; value: unknown }>;

/** How the items of the last bulk upsert the server received named their records: by id or by key. */
function upsertTargets(s: KintoneServer): unknown[] {
  const last = s.bodies.filter((b) => b.url === '/k/v1/bulkRequest.json').at(-1)!.body as {
    requests: Array<{ method: string; api: string; payload: { upsert?: boolean; records: Array<{ id?: string; updateKey?: unknown }> } }>;
  };
  expect(last.requests.map((r) => [r.method, r.api, r.payload.upsert])).toEqual([['PUT', '/k/v1/records.json', true]]);
  return last.requests[0]!.payload.records.map((r) => r.id ?? r.updateKey);
}

/** An import-app record in brief: its plain values and its table's [memo, amount] rows. */
function brief(r: Fields) {
  const rows = (r.lines!.value as Array<{ value: Fields }>).map((row) => [row.value.memo!.value, row.value.amount!.value]);
  return { code: r.code!.value, name: r.name!.value, qty: r.qty!.value, lines: rows };
}

eachKintoneServer((server) => {
  let w: EveryFieldWorld;
  let admin: KintoneRestAPIClient;
  beforeAll(async () => {
    w = await everyFieldWorld(server());
    admin = w.admin;
  });

  /** A directory of its own under the server's scratch directory. */
  async function scratch(name: string): Promise<string> {
    const dir = path.join(server().workDir, uniqueName(name));
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** A fresh every-field app with the full record (two table rows, a file) and a record of defaults. */
  async function exportableApp(): Promise<{ app: string; full: string; plain: string; rowIds: string[] }> {
    const app = await deployedApp(admin, { properties: allFieldProperties() });
    const { fileKey } = await admin.file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
    const { id: full } = await admin.record.addRecord({ app, record: everyFieldRecord({ ...w.refs, fileKey }) });
    const { id: plain } = await admin.record.addRecord({ app, record: { title: { value: '既定のみ' }, stage: { value: '見込み' } } });
    const { record } = await admin.record.getRecord({ app, id: full });
    const rowIds = (record.items!.value as Array<{ id: string }>).map((r) => r.id);
    return { app, full, plain, rowIds };
  }

  describe('record export', () => {
    it('writes the header in form order and every value, a table as one CSV row per table row', async () => {
      const s = server();
      const { app, full, plain, rowIds } = await exportableApp();
      const res = await s.cli(['record', 'export', '--app', app]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      // No BOM; every cell quoted except the `*` that starts a record.
      expect(res.stdout.startsWith(`*,"Record_number","title",`)).toBe(true);
      expect(parseCsv(res.stdout)[0]).toEqual(HEADER);

      const rows = csvObjects(res.stdout);
      const cells = everyFieldCells(w, full, '見積書.pdf');
      expect(rows).toEqual([
        { ...cells, '*': '*', items: rowIds[0], item_name: 'ねじ', quantity: '3', subtotal: '3703.5' },
        { ...cells, '*': '', items: rowIds[1], item_name: 'ボルト', quantity: '12', subtotal: '14814' },
        defaultCells(plain, '既定のみ'),
      ]);
    });

    it('downloads attachments into --attachments-dir and names their paths; --order-by reads through a cursor', async () => {
      const s = server();
      const { app, full, plain } = await exportableApp();
      const second = await admin.file.uploadFile({ file: { name: 'メモ.txt', data: 'こんにちは' } });
      await admin.record.updateRecord({ app, id: plain, record: { attachments: { value: [{ fileKey: second.fileKey }] } } });
      // Outside the condition below.
      await admin.record.addRecord({ app, record: { title: { value: '安い' }, stage: { value: '見込み' }, price: { value: 5 } } });

      const dir = await scratch('export');
      const before = s.requests.length;
      const res = await s.cli(['record', 'export', '--app', app, '--attachments-dir', dir, '--condition', 'price >= 100', '--order-by', 'price asc']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const rows = csvObjects(res.stdout);
      // By price, the cheap one left out: the record of defaults (100) first.
      expect(rows.map((r) => [r.Record_number, r.attachments])).toEqual([
        [plain, `attachments-${plain}/メモ.txt`],
        [full, `attachments-${full}/見積書.pdf`],
        [full, `attachments-${full}/見積書.pdf`],
      ]);
      expect(await readFile(path.join(dir, `attachments-${full}`, '見積書.pdf'))).toEqual(PDF);
      expect(await readFile(path.join(dir, `attachments-${plain}`, 'メモ.txt'), 'utf8')).toBe('こんにちは');
      const calls = s.requests.slice(before).map((r) => `${r.method} ${r.url.replace(/\?.*/, '')} ${r.status}`);
      expect(calls.filter((c) => c.includes('cursor')), calls.join('\n')).toEqual(['POST /k/v1/records/cursor.json 200', 'GET /k/v1/records/cursor.json 200']);
      expect(calls.filter((c) => c.includes('file.json')), calls.join('\n')).toEqual(['GET /k/v1/file.json 200', 'GET /k/v1/file.json 200']);
    });
  });

  describe('record import', () => {
    it('adds the records of a CSV, Japanese values and table rows included', async () => {
      const s = server();
      const app = await deployedApp(admin, { properties: IMPORT_FIELDS });
      const dir = await scratch('import');
      const file = path.join(dir, '取込.csv');
      await writeFile(
        file,
        formatCsv([
          ['*', 'code', 'name', 'qty', 'lines', 'memo', 'amount'],
          ['*', 'A-1', '東京本社', '10', '', 'ねじ', '100'],
          ['', 'A-1', '東京本社', '10', '', 'ボルト, 長', '250'],
          ['*', 'A-2', '大阪支店\n第二', '', '', '', ''],
          ['*', 'A-3', '"名古屋"', '-3.5', '', '一行', ''],
        ]),
      );
      const before = s.requests.length;
      const res = await s.cli(['record', 'import', '--app', app, '--file-path', file]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain('Imported 3 records successfully');
      // Added through one bulkRequest, as addAllRecords does.
      expect(s.requests.slice(before).map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual(['GET /k/v1/app/form/fields.json', 'POST /k/v1/bulkRequest.json']);
      const records = await admin.record.getAllRecordsWithId({ app });
      expect(records.map((r) => brief(r as Fields))).toEqual([
        { code: 'A-1', name: '東京本社', qty: '10', lines: [['ねじ', '100'], ['ボルト, 長', '250']] },
        { code: 'A-2', name: '大阪支店\n第二', qty: '', lines: [] },
        { code: 'A-3', name: '"名古屋"', qty: '-3.5', lines: [['一行', '']] },
      ]);
    });

    it('--update-key on a unique field updates rows with a known key and inserts the rest, keyless rows included', async () => {
      const s = server();
      const app = await deployedApp(admin, { properties: IMPORT_FIELDS });
      const { ids: before } = await admin.record.addRecords({
        app,
        records: [
          { code: { value: 'K-1' }, name: { value: '旧一' }, qty: { value: 1 }, lines: { value: [{ value: { memo: { value: '古い行' } } }] } },
          { code: { value: 'K-2' }, name: { value: '旧二' }, qty: { value: 2 } },
        ],
      });
      const file = path.join(await scratch('upsert'), 'upsert.csv');
      await writeFile(
        file,
        formatCsv([
          ['code', 'name', 'qty'],
          ['K-1', '新一', '11'],
          ['K-9', '新九', '9'],
          ['', 'キーなし甲', '100'],
          ['', 'キーなし乙', '200'],
        ]),
      );
      const res = await s.cli(['record', 'import', '--app', app, '--file-path', file, '--update-key', 'code']);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain('Imported 4 records successfully');
      // Keyless rows went out with ids counting down from 2^53−1.
      expect(upsertTargets(s)).toEqual([{ field: 'code', value: 'K-1' }, { field: 'code', value: 'K-9' }, '9007199254740991', '9007199254740990']);

      const records = await admin.record.getAllRecordsWithId({ app });
      expect(records.map((r) => [r.$id!.value, ...Object.values(brief(r as Fields))])).toEqual([
        // Updated in place: the table, not in the CSV, is kept.
        [before[0], 'K-1', '新一', '11', [['古い行', '']]],
        [before[1], 'K-2', '旧二', '2', []],
        [expect.any(String), 'K-9', '新九', '9', []],
        // Sent with ids 2^53−1 and 2^53−2, which no record has: inserted, without a key.
        [expect.any(String), '', 'キーなし甲', '100', []],
        [expect.any(String), '', 'キーなし乙', '200', []],
      ]);
      const newIds = records.slice(2).map((r) => Number(r.$id!.value));
      expect(newIds.every((id) => id > Number(before[1]) && id < 1_000_000)).toBe(true);
    });

    it('--update-key on the record number strips the app code, and inserts rows without one', async () => {
      const s = server();
      const app = await deployedApp(admin, { properties: IMPORT_FIELDS });
      const code = `IMP${app}`;
      await admin.app.updateAppSettings({ app, code } as Parameters<KintoneRestAPIClient['app']['updateAppSettings']>[0]);
      await deployAndWait(admin, [app]);
      const { ids } = await admin.record.addRecords({ app, records: [{ name: { value: '一' } }, { name: { value: '二' } }] });
      const exported = await s.cli(['record', 'export', '--app', app]);
      expect(csvObjects(exported.stdout).map((r) => r.Record_number)).toEqual(ids.map((id) => `${code}-${id}`));

      const file = path.join(await scratch('by-number'), 'by-number.csv');
      await writeFile(
        file,
        formatCsv([
          ['Record_number', 'name'],
          [`${code}-${ids[1]}`, '二を更新'],
          ['', '番号なし'],
        ]),
      );
      const res = await s.cli(['record', 'import', '--app', app, '--file-path', file, '--update-key', 'Record_number']);
      expect(res.code, res.stderr).toBe(0);
      expect(upsertTargets(s)).toEqual([ids[1], '9007199254740991']);
      const records = await admin.record.getAllRecordsWithId({ app, fields: ['Record_number', 'name'] });
      expect(records.map((r) => [r.Record_number!.value, r.name!.value])).toEqual([
        [`${code}-${ids[0]}`, '一'],
        [`${code}-${ids[1]}`, '二を更新'],
        [expect.stringMatching(new RegExp(`^${code}-\\d+$`)), '番号なし'],
      ]);
    });

    it('--attachments-dir uploads the files a CSV names and attaches them', async () => {
      const s = server();
      const app = await deployedApp(admin, { properties: allFieldProperties() });
      const dir = await scratch('attach');
      await mkdir(path.join(dir, '資料'));
      await writeFile(path.join(dir, '資料', '見積書.pdf'), PDF);
      await writeFile(path.join(dir, '資料', 'メモ.txt'), 'こんにちは');
      const file = path.join(dir, 'with-files.csv');
      await writeFile(
        file,
        formatCsv([
          ['title', 'stage', 'attachments'],
          ['添付二つ', '受注', '資料/見積書.pdf\n資料/メモ.txt'],
          ['添付なし', '見込み', ''],
        ]),
      );
      const res = await s.cli(['record', 'import', '--app', app, '--file-path', file, '--attachments-dir', dir]);
      expect(res.code, res.stderr).toBe(0);
      const records = await admin.record.getAllRecordsWithId({ app, fields: ['title', 'attachments'] });
      expect(records.map((r) => r.title!.value)).toEqual(['添付二つ', '添付なし']);
      const files = records[0]!.attachments!.value as Array<{ fileKey: string; name: string; contentType: string; size: string }>;
      expect(files.map((f) => ({ ...f, fileKey: '' }))).toEqual([
        { fileKey: '', name: '見積書.pdf', contentType: 'application/pdf', size: String(PDF.length) },
        { fileKey: '', name: 'メモ.txt', contentType: expect.stringMatching(/^text\/plain/), size: String(Buffer.byteLength('こんにちは')) },
      ]);
      expect(Buffer.from(await admin.file.downloadFile({ fileKey: files[0]!.fileKey }))).toEqual(PDF);
      expect(Buffer.from(await admin.file.downloadFile({ fileKey: files[1]!.fileKey })).toString()).toBe('こんにちは');
      expect(records[1]!.attachments!.value).toEqual([]);
    });

    it('export → import into a fresh app with the same fields → export gives the same CSV and files', async () => {
      const s = server();
      const { app } = await exportableApp();
      const first = await scratch('first');
      const exported = await s.cli(['record', 'export', '--app', app, '--attachments-dir', first]);
      expect(exported.code, exported.stderr).toBe(0);
      const csv = path.join(first, 'records.csv');
      await writeFile(csv, exported.stdout);

      const copy = await deployedApp(admin, { properties: allFieldProperties() });
      const imported = await s.cli(['record', 'import', '--app', copy, '--file-path', csv, '--attachments-dir', first]);
      expect(imported.code, imported.stderr).toBe(0);

      const second = await scratch('second');
      const again = await s.cli(['record', 'export', '--app', copy, '--attachments-dir', second]);
      expect(again.code, again.stderr).toBe(0);
      // Ids, record numbers, table row ids and the system fields are the new app's own.
      const own = new Set(['Record_number', 'items', 'Created_by', 'Created_datetime', 'Updated_by', 'Updated_datetime']);
      const comparable = (text: string) =>
        csvObjects(text).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !own.has(k)).map(([k, v]) => [k, k === 'attachments' ? v.replace(/^attachments-\d+\//gm, '') : v])));
      expect(parseCsv(again.stdout)[0]).toEqual(HEADER);
      expect(comparable(again.stdout)).toEqual(comparable(exported.stdout));
      expect(comparable(again.stdout)).toHaveLength(3);

      const [source] = csvObjects(exported.stdout);
      const [target] = csvObjects(again.stdout);
      expect(await readFile(path.join(second, target!.attachments!))).toEqual(await readFile(path.join(first, source!.attachments!)));
    });
  });
});
