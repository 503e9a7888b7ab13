// A visitor's page of records goes compressed to a browser that takes it (made once per answer,
// as its validator is), and as it is to one that does not; never a different page either way.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';
import { COMPRESS_FROM_BYTES } from '../../domain/public-views/response-cache.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('compressed answers', () => {
    it('sends brotli or gzip as the browser takes them, the same page as plain, with one validator for all', async () => {
      const w = await viewWorld(h);
      // Enough text for an answer worth compressing.
      const v = await publishedView(w, { settings: { fields: ['title', 'note'], blocks: { above: `<p>${'お知らせ '.repeat(200)}</p>`, below: '' } } });
      const url = `${v.path}/data.json`;
      const plain = await visitor(w.d, url);
      expect(plain.statusCode, plain.body).toBe(200);
      expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);

      const br = await visitor(w.d, url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^application\/json/);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

      const gzip = await visitor(w.d, url, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

      const none = await visitor(w.d, url, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
      expect([none.headers['content-encoding'], none.body]).toEqual([undefined, plain.body]);

      expect(new Set([plain, br, gzip].map((r) => r.headers.etag)).size).toBe(1);
      const again = await visitor(w.d, url, { headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) } });
      expect([again.statusCode, again.rawPayload.length]).toEqual([304, 0]);
    });

    it('refuses as before, uncompressed, whatever the browser takes', async () => {
      const w = await viewWorld(h);
      const res = await visitor(w.d, `/public/${'A'.repeat(43)}/data.json`, { headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.json()).toMatchObject({ code: 'CB_PV05' });
    });
  });
});
