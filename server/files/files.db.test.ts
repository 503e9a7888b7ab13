// The records engine's building blocks, on both databases: attaching uploads (F2), keeping and
// deleting attached files, and sweeping uploads that were never attached.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { newDomain } from '../../test/support/app.js';
import { eachDatabase } from '../../test/support/db.js';
import { asUser, type FileWorld, fileRows, filesOnDisk, sha256, startFileApp, upload } from '../../test/support/files.js';
import { attachUploads, keepAttached } from './attach-uploads.js';
import { deleteFiles } from './delete-files.js';
import { openForDownload } from './open-for-download.js';
import { sweepExpired } from './sweep-expired.js';
import { UPLOAD_TTL_MS, uploadTemporary } from './upload-temporary.js';

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

  const refused = { code: 'GAIA_BL01' };

  describe('attachUploads (F2)', () => {
    it('attaches only the uploader’s own live keys from this domain', async () => {
      await open();
      const a = await newDomain(w.h);
      const b = await newDomain(w.h);
      const { fileKey } = (await upload(a, a.member, { data: 'mine' })).json();
      await expect(asUser(w.h, a, a.admin, (ctx) => attachUploads(ctx, [fileKey]))).rejects.toMatchObject(refused);
      await expect(asUser(w.h, b, b.member, (ctx) => attachUploads(ctx, [fileKey]))).rejects.toMatchObject(refused);
      await expect(asUser(w.h, a, a.member, (ctx) => attachUploads(ctx, ['00000000-0000-0000-0000-000000000000']))).rejects.toMatchObject(refused);
      // The refusals consumed nothing: the uploader still can.
      const [attached] = await asUser(w.h, a, a.member, (ctx) => attachUploads(ctx, [fileKey]));
      expect(attached).toMatchObject({ name: 'a.bin', size: 4 });
    });

    it('attaches a key once, even twice in one call, and a failed call attaches nothing', async () => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { data: 'once' })).json();
      await expect(asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey, fileKey]))).rejects.toMatchObject(refused);
      expect((await fileRows(w.h, d.id))[0]!.kind).toBe('temporary');
      await asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey]));
      await expect(asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey]))).rejects.toMatchObject(refused);
    });

    it('refuses an upload key that has lapsed', async () => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { data: 'late' })).json();
      w.h.clock.advance(UPLOAD_TTL_MS);
      await expect(asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey]))).rejects.toMatchObject(refused);
    });
  });

  describe('keepAttached, deleteFiles, openForDownload', () => {
    it('keeps only attached files of this domain', async () => {
      await open();
      const a = await newDomain(w.h);
      const b = await newDomain(w.h);
      const keys = [(await upload(a, a.member, { name: 'one.txt', data: '1' })).json().fileKey, (await upload(a, a.member, { data: '22' })).json().fileKey];
      const [one] = await asUser(w.h, a, a.member, (ctx) => attachUploads(ctx, [keys[0]]));
      expect(await asUser(w.h, a, a.admin, (ctx) => keepAttached(ctx, [one!.fileKey]))).toEqual([one]);
      await expect(asUser(w.h, a, a.member, (ctx) => keepAttached(ctx, [keys[1]]))).rejects.toMatchObject(refused);
      await expect(asUser(w.h, b, b.admin, (ctx) => keepAttached(ctx, [one!.fileKey]))).rejects.toMatchObject(refused);
    });

    it('deletes rows in the transaction and bytes only after it commits', async () => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { data: 'bytes' })).json();
      const [f] = await asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey]));
      await expect(
        asUser(w.h, d, d.member, async (ctx) => {
          expect(await deleteFiles(ctx, [f!.fileKey])).toBe(1);
          throw new Error('record write failed');
        }),
      ).rejects.toThrow('record write failed');
      const still = await asUser(w.h, d, d.member, (ctx) => openForDownload(ctx, f!.fileKey, async () => true));
      const chunks: Buffer[] = [];
      for await (const c of still.stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('bytes');

      expect(await asUser(w.h, d, d.member, (ctx) => deleteFiles(ctx, [f!.fileKey, 'unknown']))).toBe(1);
      await expect.poll(() => filesOnDisk(w.filesDir)).toEqual([]);
      expect(await fileRows(w.h, d.id)).toEqual([]);
      await expect(asUser(w.h, d, d.member, (ctx) => openForDownload(ctx, f!.fileKey, async () => true))).rejects.toMatchObject({ code: 'GAIA_BL01' });
    });

    it('asks mayRead, and a refusal is the same GAIA_BL01 as an unknown key', async () => {
      await open();
      const d = await newDomain(w.h);
      const { fileKey } = (await upload(d, d.member, { name: 'r.csv', type: 'text/csv', data: 'a,b' })).json();
      const [f] = await asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [fileKey]));
      const seen: string[] = [];
      await expect(
        asUser(w.h, d, d.member, (ctx) => openForDownload(ctx, f!.fileKey, async (file) => (seen.push(file.name), false))),
      ).rejects.toMatchObject({ code: 'GAIA_BL01', options: { params: { id: f!.fileKey } } });
      expect(seen).toEqual(['r.csv']);
      const ok = await asUser(w.h, d, d.member, (ctx) => openForDownload(ctx, f!.fileKey, async () => true));
      expect(ok).toMatchObject({ name: 'r.csv', contentType: 'text/csv', size: 3, disposition: 'attachment', sha256: sha256('a,b') });
      ok.stream.destroy();
    });
  });

  describe('uploadTemporary and sweepExpired', () => {
    it('uploads from any stream and refuses one over the limit, leaving nothing', async () => {
      await open({ FILE_MAX_MB: '1' });
      const d = await newDomain(w.h);
      const ok = await asUser(w.h, d, d.member, (ctx) => uploadTemporary(ctx, Readable.from([Buffer.from('from a job')]), { name: 'job.txt', declaredType: 'text/plain' }));
      expect(ok.fileKey).toBeTruthy();
      const big = Readable.from((function* () { for (let i = 0; i < 17; i++) yield Buffer.alloc(64 * 1024); })());
      await expect(asUser(w.h, d, d.member, (ctx) => uploadTemporary(ctx, big, { name: 'big' }))).rejects.toMatchObject({ code: 'CB_RL01' });
      expect(await fileRows(w.h, d.id)).toHaveLength(1);
      expect(await filesOnDisk(w.filesDir)).toHaveLength(1);
    });

    it('removes lapsed temporary uploads and their bytes, and nothing attached', async () => {
      await open();
      const d = await newDomain(w.h);
      const keep = (await upload(d, d.member, { data: 'attached' })).json().fileKey;
      await upload(d, d.member, { data: 'forgotten' });
      await asUser(w.h, d, d.member, (ctx) => attachUploads(ctx, [keep]));
      // The sweeper works across domains, and other tests' domains share this database.
      w.h.clock.advance(UPLOAD_TTL_MS - 60_000);
      await sweepExpired(w.h.services);
      expect(await fileRows(w.h, d.id)).toHaveLength(2);
      w.h.clock.advance(60_000);
      expect(await sweepExpired(w.h.services)).toBeGreaterThanOrEqual(1);
      const rows = await fileRows(w.h, d.id);
      expect(rows.map((r) => r.kind)).toEqual(['attached']);
      expect(await filesOnDisk(w.filesDir)).toEqual([`${d.id}/${rows[0]!.id.slice(0, 2)}/${rows[0]!.id}`]);
    });
  });
});
