// Files through @kintone/rest-api-client: uploadFile into temporary storage and what downloadFile
// answers for a key that is not a record's.
// Attaching an upload to a record and downloading it back are in records.compat.test.ts.
import { KintoneRestAPIError } from '@kintone/rest-api-client';
import { describe, expect, it } from 'vitest';
import { eachKintoneServer, errorText, kintoneError } from '../support/kintone.js';

const UPLOAD_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

eachKintoneServer(
  (server) => {
    describe('uploading', () => {
      it('answers a temporary fileKey for a file with a Japanese name, a new key each time', async () => {
        const s = server();
        const first = await s.client(s.admin).file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
        expect(first).toEqual({ fileKey: expect.stringMatching(UPLOAD_KEY) });
        expect(s.requests.at(-1)).toMatchObject({ method: 'POST', url: '/k/v1/file.json', status: 200 });

        const again = await s.client(s.admin).file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
        const byMember = await s.client(s.member).file.uploadFile({ file: { name: 'メモ.txt', data: 'こんにちは' } });
        expect(new Set([first.fileKey, again.fileKey, byMember.fileKey]).size).toBe(3);
        expect(byMember.fileKey).toMatch(UPLOAD_KEY);
      });

      it('refuses a file over FILE_MAX_MB with 413 CB_RL01', async () => {
        const s = server();
        const e = await kintoneError(s.client(s.admin).file.uploadFile({ file: { name: '大きい.bin', data: Buffer.alloc(1024 * 1024 + 1, 7) } }), 413, 'CB_RL01');
        expect(errorText(e)).toBe('The request is too large.');
      });

      it('refuses wrong credentials with 401 CB_WA01', async () => {
        const s = server();
        await kintoneError(s.client({ username: 'member', password: 'not the password' }).file.uploadFile({ file: { name: 'a.txt', data: 'a' } }), 401, 'CB_WA01');
      });
    });

    describe('downloading', () => {
      it('does not serve a temporary key: 404, which the wire says is GAIA_BL01', async () => {
        const s = server();
        const { fileKey } = await s.client(s.admin).file.uploadFile({ file: { name: '見積書.pdf', data: PDF } });
        for (const as of [s.admin, s.member]) {
          const err = await s
            .client(as)
            .file.downloadFile({ fileKey })
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          // downloadFile reads every answer as bytes, so for a failure the client exposes the
          // status and headers only; code, id and message are undefined, as with real kintone.
          expect(err).toBeInstanceOf(KintoneRestAPIError);
          expect((err as KintoneRestAPIError).status).toBe(404);
          expect((err as KintoneRestAPIError).headers['content-type']).toMatch(/^application\/json/);

          const res = await s.fetch(`/k/v1/file.json?fileKey=${encodeURIComponent(fileKey)}`, { as });
          expect(res.status).toBe(404);
          expect(await res.json()).toEqual({ code: 'GAIA_BL01', id: expect.stringMatching(/^[0-9A-Za-z]{20}$/), message: `The specified file (id: ${fileKey}) not found.` });
        }
      });

      it('answers an unknown key exactly like a temporary one', async () => {
        const s = server();
        const err = await s
          .client(s.admin)
          .file.downloadFile({ fileKey: '20260401000000ABCDEF0123456789ABCDEF0123456789' })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect((err as KintoneRestAPIError).status).toBe(404);
        const res = await s.fetch('/k/v1/file.json?fileKey=nonexistent_key');
        expect(await res.json()).toMatchObject({ code: 'GAIA_BL01', message: 'The specified file (id: nonexistent_key) not found.' });
      });
    });
  },
  { FILE_MAX_MB: '1' },
);
