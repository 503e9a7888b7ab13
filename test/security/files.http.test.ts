// Hostile probes on uploads and downloads (spec/security.md §3.9 F3–F5): content that a browser
// would run, names that try to become paths or headers, and bodies that try to fill the disk.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newDomain, type TestDomain } from '../support/app.js';
import { expectErrorBody } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';
import { download, type FileWorld, fileRows, filesOnDisk, multipart, type Part, pngBytes, sha256, startFileApp, upload, attachViaRecord } from '../support/files.js';

const STORED = /^dom_[0-9a-z]+\/[0-9a-z]{2}\/[0-9a-z]{26}$/;

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

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

  async function uploadParts(d: TestDomain, parts: Part[]) {
    const body = multipart(parts);
    return d.request({ method: 'POST', url: '/k/v1/file.json', as: d.member, payload: body.payload, headers: body.headers });
  }

  async function attachAndDownload(d: TestDomain, fileKey: string) {
    const attached = await attachViaRecord(d, d.member, fileKey);
    return download(d, d.member, attached!.fileKey);
  }

  describe('F3 active content is stored but never rendered', () => {
    it.each([
      ['SVG', 'drawing.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['HTML', 'page.html', 'text/html', '<!doctype html><script>alert(document.cookie)</script>'],
      ['HTML named .png', 'cat.png', 'image/png', '<html><script>alert(1)</script></html>'],
      ['XML', 'feed.xml', 'application/xml', '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'],
      ['JavaScript', 'app.js', 'text/javascript', 'alert(1)'],
    ])('%s goes out as an application/octet-stream attachment, nosniff, sandboxed', async (_label, name, type, data) => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { name, type, data })).json();
      expect((await fileRows(w.h, d.id))[0]!.contentType).toBe('application/octet-stream');
      const res = await attachAndDownload(d, fileKey);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(data);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; /);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    });

    it('serves a PNG/HTML polyglot only as an image, sandboxed', async () => {
      await open();
      const d = await newDomain(w.h);
      const data = Buffer.concat([pngBytes(64), Buffer.from('<html><script>alert(1)</script>')]);
      const { fileKey } = (await upload(d, d.member, { name: 'x.html', type: 'text/html', data })).json();
      const res = await attachAndDownload(d, fileKey);
      expect(res.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-security-policy': "sandbox; default-src 'none'" });
    });
  });

  describe('F4 names are display text, never paths or header syntax', () => {
    it('stores hostile names safely and keeps the bytes under generated ids', async () => {
      await open();
      const d = await newDomain(w.h);
      const cases: Array<[Omit<Part, 'name' | 'data'>, string]> = [
        [{ filename: '../../etc/passwd' }, 'passwd'],
        [{ filename: '..\\..\\x.txt' }, 'x.txt'],
        [{ filename: 'CON' }, 'CON'],
        [{ filename: 'evil\u202egpj.exe' }, 'evilgpj.exe'],
        [{ filenameStar: 'a%22b%22.txt' }, 'a"b".txt'],
        [{ filenameStar: 'nul%00byte%07.txt' }, 'nulbyte.txt'],
        [{ filename: `${'n'.repeat(10_240)}.txt` }, `${'n'.repeat(251)}.txt`],
        [{ filename: '..' }, 'file'],
      ];
      for (const [part, expected] of cases) {
        const res = await uploadParts(d, [{ name: 'file', ...part, data: expected }]);
        expect(res.statusCode, `${JSON.stringify(part).slice(0, 60)}: ${res.body}`).toBe(200);
        const rows = await fileRows(w.h, d.id);
        expect(rows.find((r) => r.sha256 === sha256(expected))?.name).toBe(expected);
      }
      const onDisk = await filesOnDisk(w.filesDir);
      expect(onDisk).toHaveLength(cases.length);
      for (const p of onDisk) expect(p).toMatch(STORED);
    });

    it('refuses a name with a line break rather than store it', async () => {
      await open();
      const d = await newDomain(w.h);
      for (const filenameStar of ['a%0D%0Ab.txt', 'a%0Ab.txt']) {
        expectErrorBody(await uploadParts(d, [{ name: 'file', filenameStar, data: 'x' }]), 400, 'CB_VA01');
      }
      expect(await fileRows(w.h, d.id)).toEqual([]);
      expect(await filesOnDisk(w.filesDir)).toEqual([]);
    });

    it('keeps quotes out of the Content-Disposition syntax', async () => {
      await open();
      const d = await newDomain(w.h);
      const res = await uploadParts(d, [{ name: 'file', filenameStar: 'x%22%3B%20filename%3D%22evil.html', data: 'x' }]);
      const got = await attachAndDownload(d, res.json().fileKey);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="x__ filename=_evil.html"; filename*=UTF-8''x%22%3B%20filename%3D%22evil.html`,
      );
    });
  });

  describe('F5 size and shape limits leave nothing behind', () => {
    it('answers an upload over FILE_MAX_MB with 413 and keeps neither bytes nor row', async () => {
      await open({ FILE_MAX_MB: '1' });
      const d = await newDomain(w.h);
      const limit = 1024 * 1024;
      expectErrorBody(await upload(d, d.member, { data: Buffer.alloc(limit + 1, 1) }), 413, 'CB_RL01');
      expect(await fileRows(w.h, d.id)).toEqual([]);
      expect(await filesOnDisk(w.filesDir)).toEqual([]);
      expect((await upload(d, d.member, { data: Buffer.alloc(limit, 1) })).statusCode).toBe(200);
    });

    it('refuses too many parts or files, before or after the file, keeping nothing', async () => {
      await open();
      const d = await newDomain(w.h);
      const file: Part = { name: 'file', filename: 'a.txt', data: 'a' };
      const fields = (n: number): Part[] => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, data: 'x' }));
      for (const parts of [[...fields(13), file], [file, ...fields(13)], [file, { ...file }], [file, { ...file, name: 'other' }]]) {
        const res = await uploadParts(d, parts);
        expectErrorBody(res, 413, 'CB_RL01');
      }
      expect(await fileRows(w.h, d.id)).toEqual([]);
      expect(await filesOnDisk(w.filesDir)).toEqual([]);
    });

    it('removes the partial file when the client goes away mid-upload', async () => {
      await open();
      const d = await newDomain(w.h);
      const address = await w.h.app.listen({ port: 0, host: '127.0.0.1' });
      const socket = net.connect(Number(new URL(address).port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const boundary = 'engawa-abort';
      socket.write(
        `POST /k/v1/file.json HTTP/1.1\r\nHost: ${d.host}\r\nX-Cybozu-Authorization: ${d.member.auth}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`,
      );
      socket.write(Buffer.alloc(512 * 1024, 7));
      await waitFor(async () => (await filesOnDisk(w.filesDir)).some((p) => p.startsWith(`${d.id}/tmp/`)), 'the upload to reach disk');
      socket.destroy();
      await waitFor(async () => (await filesOnDisk(w.filesDir)).length === 0, 'the partial file to go');
      expect(await fileRows(w.h, d.id)).toEqual([]);
    });
  });
});
