import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AUDIT_EXPORT_ROWS } from '../../../common/api/audit.js';
import { newId } from '../../../common/ids.js';
import { toDb } from '../../storage/dialect.js';
import { csvCell } from '../../../common/csv.js';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInRequest } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';

/** A strict RFC 4180 reader: CRLF records, `""` inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] !== '"') cell += text[i++];
        else if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else break;
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (row.length) throw new Error('last record has no CRLF');
  return rows;
}

async function exportCsv(d: TestDomain, query = '') {
  const res = await d.request({ method: 'GET', url: `/v1/audit.csv${query}`, as: d.admin });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, ...rows] = parseCsv(res.body.replace(/^\uFEFF/, ''));
  return { res, header: header!, rows, col: (name: string) => header!.indexOf(name) };
}

describe('csvCell (X8)', () => {
  it('defuses every cell a spreadsheet would run, and quotes as RFC 4180 says', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('佐藤 1-2')).toBe('佐藤 1-2');
    expect(csvCell(null)).toBe('');
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('GET /v1/audit.csv', () => {
    it('exports with a BOM, CRLF lines, a header row and the same filters, newest first', async () => {
      const d = await newDomain(h);
      await signInRequest(d, 'member', 'wrong one');
      h.clock.advance(1000);
      await signInRequest(d, 'ghost', 'wrong two', { 'user-agent': 'Agent, "quoted"\tand tab' });
      const { res, header, rows, col } = await exportCsv(d, '?action=auth.login&result=failure');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(header).toEqual(['id', 'at', 'actorKind', 'actorId', 'actorCode', 'ip', 'userAgent', 'action', 'targetType', 'targetId', 'result', 'detail']);
      expect(rows.map((r) => JSON.parse(r[col('detail')]!).login)).toEqual(['ghost', 'member']);
      expect(rows[0]![col('userAgent')]).toBe('Agent, "quoted"\tand tab');
      expect(rows[1]).toHaveLength(header.length);
      expect(rows[1]![col('targetId')]).toBe(String(d.member.id));

      const json = await d.request({ method: 'GET', url: '/v1/audit.json?action=audit.export', as: d.admin });
      expect(json.json().entries[0]).toMatchObject({
        actor: { kind: 'user', code: 'admin' },
        detail: { count: 2, filter: { action: 'auth.login', result: 'failure' } },
      });
    });

    it('prefixes formula-looking cells with a quote (X8)', async () => {
      const d = await newDomain(h);
      const agents = ['=1+1', '+1', '-1', '@SUM(A1)', '＝1+1', '＋1', '－1', '＠SUM(A1)', '=HYPERLINK("http://evil.example","x")'];
      for (const ua of agents) await signInRequest(d, 'ghost', 'x', { 'user-agent': ua });
      await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: { users: ['-minus', '+plus', '@at'].map((code) => ({ code, name: code, email: 'x@example.com', password: 'long enough password' })) },
      });
      for (const code of ['-minus', '+plus', '@at']) await signInRequest(d, code, 'long enough password');

      const { rows, col } = await exportCsv(d, '?action=auth.login');
      const uas = rows.map((r) => r[col('userAgent')]).filter((ua) => ua !== 'lightMyRequest');
      expect(uas.sort()).toEqual(agents.map((a) => `'${a}`).sort());
      const codes = rows.map((r) => r[col('actorCode')]).filter((c) => c !== '' && c !== 'admin');
      expect(codes.sort()).toEqual(["'+plus", "'-minus", "'@at"]);
      for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    });

    it('stops at 10,000 rows', async () => {
      const d = await newDomain(h);
      const at = toDb.time(new Date('2025-01-01T00:00:00Z'));
      const total = MAX_AUDIT_EXPORT_ROWS + 5;
      for (let i = 0; i < total; i += 500) {
        const values = Array.from({ length: Math.min(500, total - i) }, () => ({
          id: newId('aud'),
          domainId: d.id,
          at,
          actorKind: 'system',
          actorId: null,
          actorCode: null,
          ip: null,
          userAgent: null,
          action: 'bulk.row',
          targetType: null,
          targetId: null,
          result: 'success' as const,
          detail: toDb.json({}),
        }));
        await h.services.db.insertInto('auditLog').values(values).execute();
      }
      const { rows } = await exportCsv(d, '?action=bulk.row');
      expect(rows).toHaveLength(MAX_AUDIT_EXPORT_ROWS);
      const list = await d.request({ method: 'GET', url: '/v1/audit.json?action=bulk.row&offset=10000&limit=500', as: d.admin });
      expect(list.json()).toMatchObject({ totalCount: String(total) });
      expect(list.json().entries).toHaveLength(5);
    });

    it('refuses members and invalid filters with kintone’s JSON error body', async () => {
      const d = await newDomain(h);
      expectErrorBody(await d.request({ method: 'GET', url: '/v1/audit.csv', as: d.member }), 403, 'CB_NO02');
      const bad = expectErrorBody(await d.request({ method: 'GET', url: '/v1/audit.csv?to=tomorrow', as: d.admin }), 400, 'CB_VA01');
      expect(Object.keys(bad.errors as object)).toEqual(['to']);
    });

    it('never exports another domain’s rows (T6)', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      await signInRequest(b, 'member', 'wrong', { 'user-agent': 'only-in-b' });
      const { rows, col } = await exportCsv(a);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => r[col('userAgent')] === 'only-in-b')).toBe(false);
      expect(rows.map((r) => r.join(',')).join('\n')).not.toContain(b.id);
    });
  });
});
