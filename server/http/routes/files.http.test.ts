import { afterEach, describe, expect, it } from 'vitest';
import { newRecordFileKey, UPLOAD_KEY } from '../../files/keys.js';
import { newDomain } from '../../../test/support/app.js';
import { XHR, expectErrorBody, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import {
  download,
  type FileWorld,
  fileRows,
  filesOnDisk,
  multipart,
  pngBytes,
  sha256,
  startFileApp,
  upload,
  attachViaRecord,
} from '../../../test/support/files.js';

eachDatabase((database) => {
  let w: FileWorld;
  const opened: FileWorld[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((x) => x.close()));
  });
  /** A fresh app with its own DATA_DIR, closed and removed after the test. */
  async function open(env?: Record<string, string>): Promise<void> {
    w = await startFileApp(database(), env);
    opened.push(w);
  }

  describe('upload, attach, download', () => {
    it('round-trips the bytes and stores them by generated id, with only the key’s hash in the table', async () => {
      await open();
      const d = await newDomain(w.h);
      const data = pngBytes(300_000);
      const res = await upload(d, d.member, { name: 'photo.png', type: 'image/png', data });
      expect(res.statusCode, res.body).toBe(200);
      const { fileKey } = res.json();
      expect(res.json()).toEqual({ fileKey });
      expect(fileKey).toMatch(UPLOAD_KEY);

      const [row] = await fileRows(w.h, d.id);
      expect(row).toMatchObject({ kind: 'temporary', name: 'photo.png', contentType: 'image/png', sha256: sha256(data), uploaderId: d.member.id });
      expect(Number(row!.size)).toBe(data.length);
      expect(JSON.stringify(row)).not.toContain(fileKey);
      expect(await filesOnDisk(w.filesDir)).toEqual([`${d.id}/${row!.id.slice(0, 2)}/${row!.id}`]);

      const attached = await attachViaRecord(d, d.member, fileKey);
      expect(attached).toMatchObject({ name: 'photo.png', contentType: 'image/png', size: String(data.length) });
      expect(attached!.fileKey).toMatch(/^\d{14}[0-9A-F]{35}$/);

      const got = await download(d, d.admin, attached!.fileKey);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(data)).toBe(true);
      expect(sha256(got.rawPayload)).toBe(sha256(data));
      expect(got.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(data.length),
        'content-disposition': `inline; filename="photo.png"; filename*=UTF-8''photo.png`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'private, no-store',
      });
      expect(JSON.stringify(await fileRows(w.h, d.id))).not.toContain(attached!.fileKey);
    });

    it('keeps a Japanese file name and sends it as RFC 6266 filename*', async () => {
      await open();
      const d = await newDomain(w.h);
      const name = '見積書（最終版）.pdf';
      const { fileKey } = (await upload(d, d.member, { name, type: 'application/pdf', data: '%PDF-1.7\n%%EOF\n' })).json();
      const attached = await attachViaRecord(d, d.member, fileKey);
      expect(attached!.name).toBe(name);
      const got = await download(d, d.member, attached!.fileKey);
      expect(got.headers['content-type']).toBe('application/pdf');
      const disposition = String(got.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);
    });
  });

  describe('keys that are not downloadable (F1)', () => {
    it('does not serve a temporary upload key', async () => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { data: 'temporary' })).json();
      const res = await download(d, d.member, fileKey);
      const body = expectErrorBody(res, 404, 'GAIA_BL01');
      expect(body.message).toBe(`The specified file (id: ${fileKey}) not found.`);
    });

    it('answers another domain’s key exactly like a random one', async () => {
      await open();
      const a = await newDomain(w.h);
      const b = await newDomain(w.h);
      const { fileKey } = (await upload(a, a.member, { data: 'secret of A' })).json();
      const attached = await attachViaRecord(a, a.member, fileKey);
      const foreign = attached!.fileKey;
      const random = newRecordFileKey(new Date());
      expect((await download(a, a.admin, foreign)).statusCode).toBe(200);

      const normalise = (res: Awaited<ReturnType<typeof download>>, key: string) => {
        expectErrorBody(res, 404, 'GAIA_BL01');
        const { id: _id, ...rest } = res.json();
        return { status: res.statusCode, type: res.headers['content-type'], length: res.headers['content-length'], body: JSON.stringify(rest).replace(key, 'KEY') };
      };
      const other = normalise(await download(b, b.admin, foreign), foreign);
      const unknown = normalise(await download(b, b.admin, random), random);
      expect(other).toEqual(unknown);
      expect(other.length).toBe(unknown.length);
    });

    it('refuses anonymous callers and garbage keys without a stack', async () => {
      await open();
      const d = await newDomain(w.h);
      expectErrorBody(await d.request({ method: 'GET', url: '/k/v1/file.json?fileKey=x' }), 401, 'CB_AU01');
      expectErrorBody(await download(d, d.member, '../../etc/passwd'), 404, 'GAIA_BL01');
      expectErrorBody(await download(d, d.member, 'x'.repeat(101)), 400, 'CB_VA01');
      expectErrorBody(await d.request({ method: 'GET', url: '/k/v1/file.json', as: d.member }), 400, 'CB_VA01');
    });
  });

  describe('what an upload must look like', () => {
    it('needs a signed-in caller, a multipart body and a part named file; other routes refuse multipart', async () => {
      await open();
      const d = await newDomain(w.h);
      const body = multipart([{ name: 'file', filename: 'a.txt', data: 'a' }]);
      expectErrorBody(await d.request({ method: 'POST', url: '/k/v1/file.json', payload: body.payload, headers: body.headers }), 401, 'CB_AU01');
      const json = await d.request({ method: 'POST', url: '/k/v1/file.json', as: d.member, payload: { file: 'a' } });
      expect(expectErrorBody(json, 400, 'CB_VA01').errors).toEqual({ file: { messages: ['Required field.'] } });
      const wrongPart = multipart([{ name: 'attachment', filename: 'a.txt', data: 'a' }, { name: 'note', data: 'x' }]);
      expectErrorBody(await d.request({ method: 'POST', url: '/k/v1/file.json', as: d.member, payload: wrongPart.payload, headers: wrongPart.headers }), 400, 'CB_VA01');
      const malformed: Array<[string, string]> = [
        ['multipart/form-data', 'no boundary'],
        ['multipart/form-data; boundary=abc', 'no parts at all'],
        ['multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\ncut short'],
      ];
      for (const [type, payload] of malformed) {
        const res = await d.request({ method: 'POST', url: '/k/v1/file.json', as: d.member, payload, headers: { 'content-type': type } });
        expectErrorBody(res, 400, 'CB_VA01');
      }
      const elsewhere = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: body.payload, headers: body.headers });
      expectErrorBody(elsewhere, 415, 'CB_UT01');
      expect(await fileRows(w.h, d.id)).toEqual([]);
      expect(await filesOnDisk(w.filesDir)).toEqual([]);
    });

    it('takes a browser session’s request token from the form, after the file, as kintone’s client sends it', async () => {
      await open();
      const d = await newDomain(w.h);
      const s = await signInBrowser(d, d.member);
      const headers = { cookie: s.cookie, ...XHR, origin: `http://${d.host}` };
      const send = (token?: Record<string, string>, extra: Record<string, string> = {}) => {
        const body = multipart([
          { name: 'file', filename: 'note.txt', type: 'text/plain', data: 'hello' },
          ...(token ? [{ name: '__REQUEST_TOKEN__', data: token.value! }] : []),
        ]);
        return d.request({ method: 'POST', url: '/k/v1/file.json', payload: body.payload, headers: { ...body.headers, ...headers, ...extra } });
      };
      expect((await send({ value: s.csrfToken })).statusCode).toBe(200);
      expect((await send(undefined, { 'x-request-token': s.csrfToken })).statusCode).toBe(200);
      expect(await fileRows(w.h, d.id)).toHaveLength(2);

      expectErrorBody(await send(), 403, 'CB_CS01');
      expectErrorBody(await send({ value: 'x'.repeat(43) }), 403, 'CB_CS01');
      expectErrorBody(await send({ value: s.csrfToken }, { origin: 'https://evil.example' }), 403, 'CB_CS01');
      const { 'x-requested-with': _xhr, ...noXhr } = headers;
      const body = multipart([{ name: 'file', filename: 'a.txt', data: 'a' }, { name: '__REQUEST_TOKEN__', data: s.csrfToken }]);
      expectErrorBody(await d.request({ method: 'POST', url: '/k/v1/file.json', payload: body.payload, headers: { ...body.headers, ...noXhr } }), 403, 'CB_CS01');
      expect(await fileRows(w.h, d.id)).toHaveLength(2);
      expect(await filesOnDisk(w.filesDir)).toHaveLength(2);
    });
  });
});
