// Uploads as a client sends them, a throw-away DATA_DIR per test, and what is left on disk and
// in the files table afterwards.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { randomString } from '../../common/ids.js';
import { type Ctx, inTransaction } from '../../server/domain/context.js';
import type { UserActor } from '../../server/policy/actor.js';
import { type Harness, type Persona, type TestDomain, startApp } from './app.js';
import type { TestDatabase } from './db.js';

export interface Part {
  name: string;
  /** Sent raw (UTF-8) in `filename="…"`; makes the part a file. */
  filename?: string;
  /** Sent as RFC 5987 `filename*=UTF-8''…`, already percent-encoded. */
  filenameStar?: string;
  type?: string;
  data: Buffer | string;
}

/** A multipart/form-data body built by hand, so tests control every byte of the headers. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----engawa${randomString(16)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let disposition = `form-data; name="${p.name}"`;
    if (p.filename !== undefined) disposition += `; filename="${p.filename}"`;
    if (p.filenameStar !== undefined) disposition += `; filename*=UTF-8''${p.filenameStar}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface FileWorld {
  h: Harness;
  dataDir: string;
  filesDir: string;
  close(): Promise<void>;
}

/** An app whose DATA_DIR is a fresh temporary directory, removed by close(). */
export async function startFileApp(database: TestDatabase, env: Record<string, string> = {}): Promise<FileWorld> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'engawa-files-'));
  const h = await startApp(database, { DATA_DIR: dataDir, ...env });
  return {
    h,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    close: async () => {
      await h.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function upload(
  d: TestDomain,
  as: Persona,
  file: { name?: string; type?: string; data: Buffer | string; /** a guest space's `/k/guest/{id}/v1` (default `/k/v1`) */ k?: string },
  extra: Part[] = [],
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart([{ name: 'file', filename: file.name ?? 'a.bin', type: file.type ?? 'application/octet-stream', data: file.data }, ...extra]);
  return d.request({ method: 'POST', url: `${file.k ?? '/k/v1'}/file.json`, as, payload: body.payload, headers: { ...body.headers, ...headers } });
}

export function download(d: TestDomain, as: Persona, fileKey: string): Promise<LightMyRequestResponse> {
  return d.request({ method: 'GET', url: `/k/v1/file.json?fileKey=${encodeURIComponent(fileKey)}`, as });
}

/** Every regular file under `dir`, as paths relative to it ([] when it does not exist). */
export async function filesOnDisk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export function fileRows(h: Harness, domainId: string) {
  return h.services.db.selectFrom('files').selectAll().where('domainId', '=', domainId).orderBy('createdAt').execute();
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function userActor(d: TestDomain, p: Persona, isAdmin = false): UserActor {
  return { kind: 'user', domainId: d.id, userId: p.id, code: p.code, name: p.code, isAdmin, locale: 'en', via: 'password' };
}

/** Runs a domain function as `p` in one transaction, as a route would. */
export function asUser<T>(h: Harness, d: TestDomain, p: Persona, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inTransaction(h.services, { actor: userActor(d, p), locale: 'en', request: { ip: null, userAgent: null, requestId: null } }, fn);
}

/** Some bytes that start like a PNG, so they are served inline. */
export function pngBytes(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7919 + 13) & 0xff;
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return b;
}

const fileApps = new WeakMap<TestDomain, Promise<number>>();

/**
 * Attaches an upload the way clients do — in a record's FILE field — and returns the record
 * file key that downloads it, with the record's id and app.
 */
export async function attachViaRecord(
  d: TestDomain,
  as: Persona,
  uploadKey: string,
): Promise<{ fileKey: string; name: string; contentType: string; size: string; app: number; record: number }> {
  let appPromise = fileApps.get(d);
  if (!appPromise) {
    appPromise = (async () => {
      const created = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.admin, payload: { name: 'Files' } });
      const app = Number(created.json().app);
      await d.request({
        method: 'POST',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: { app, properties: { attachment: { type: 'FILE', code: 'attachment', label: '添付' } } },
      });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      return app;
    })();
    fileApps.set(d, appPromise);
  }
  const app = await appPromise;
  const added = await d.request({ method: 'POST', url: '/k/v1/record.json', as, payload: { app, record: { attachment: { value: [{ fileKey: uploadKey }] } } } });
  if (added.statusCode !== 200) throw new Error(`attach failed: ${added.body}`);
  const record = Number(added.json().id);
  const got = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${record}`, as });
  const [file] = got.json().record.attachment.value;
  return { ...file, app, record };
}
