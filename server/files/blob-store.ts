// Bytes on disk: filesDir/<domain id>/<2-character shard>/<stored id>. Every path segment is
// ours; the uploader's file name never reaches the file system. An upload streams into
// <domain id>/tmp/ and is renamed into place only once it is whole, so a reader never sees a
// half-written file and a failed upload leaves nothing behind.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomString } from '../../common/ids.js';
import { AppError } from '../domain/app-error.js';
import { SNIFF_BYTES } from './sniff.js';

const DOMAIN_ID = /^[a-z0-9_]{1,64}$/;
const STORED_ID = /^[0-9a-z]{26}$/;
const TMP_DIR = 'tmp';

export interface BlobRef {
  domainId: string;
  id: string;
}

/** Bytes written to a temporary file, not yet in place. The caller places or discards them. */
export interface StagedBlob {
  readonly domainId: string;
  readonly id: string;
  readonly size: number;
  /** Hex SHA-256 of the whole content. */
  readonly sha256: string;
  /** The first SNIFF_BYTES bytes, for type detection. */
  readonly head: Buffer;
  /** Renames the bytes into their final place. */
  place(): Promise<void>;
  /** Removes the bytes wherever they are; safe to call twice. */
  discard(): Promise<void>;
}

function domainDir(filesDir: string, domainId: string): string {
  // Domain ids are ours (`dom_…`), but this is the one place a value becomes a path: check it.
  if (!DOMAIN_ID.test(domainId)) throw new Error(`unsafe domain id for a file path: ${JSON.stringify(domainId)}`);
  return path.join(filesDir, domainId);
}

export function blobPath(filesDir: string, ref: BlobRef): string {
  if (!STORED_ID.test(ref.id)) throw new Error(`unsafe stored file id: ${JSON.stringify(ref.id)}`);
  return path.join(domainDir(filesDir, ref.domainId), ref.id.slice(0, 2), ref.id);
}

/**
 * Streams `source` to a temporary file, hashing and counting as it goes. More than `maxBytes`
 * (or a source that says it was cut short at its limit, as a multipart part does) is CB_RL01;
 * any failure removes the temporary file before the error goes on.
 */
export async function stageBlob(
  source: Readable,
  target: { filesDir: string; domainId: string; maxBytes: number },
): Promise<StagedBlob> {
  const id = randomString(26);
  const finalPath = blobPath(target.filesDir, { domainId: target.domainId, id });
  const tmpDir = path.join(domainDir(target.filesDir, target.domainId), TMP_DIR);
  const tmpPath = path.join(tmpDir, `${id}.part`);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > target.maxBytes) return done(new AppError('CB_RL01'));
      hash.update(chunk);
      if (headLength < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headLength);
        headChunks.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  try {
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
    if ((source as Readable & { truncated?: boolean }).truncated) throw new AppError('CB_RL01');
  } catch (err) {
    await rm(tmpPath, { force: true });
    throw err;
  }
  let placed = false;
  return {
    domainId: target.domainId,
    id,
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(headChunks),
    async place() {
      await mkdir(path.dirname(finalPath), { recursive: true, mode: 0o700 });
      await rename(tmpPath, finalPath);
      placed = true;
    },
    async discard() {
      await rm(placed ? finalPath : tmpPath, { force: true });
    },
  };
}

/** Opens stored bytes for reading; throws (ENOENT) if they are gone. */
export async function openBlob(filesDir: string, ref: BlobRef): Promise<Readable> {
  const handle = await open(blobPath(filesDir, ref), 'r');
  return handle.createReadStream();
}

/** Best effort: bytes whose row is gone are garbage, and a leftover costs only disk space. */
export async function removeBlobs(filesDir: string, refs: BlobRef[]): Promise<void> {
  await Promise.all(
    refs.map(async (ref) => {
      try {
        await rm(blobPath(filesDir, ref), { force: true });
      } catch {
        // Never rejects: callers run this after a commit, where nobody could handle the error.
      }
    }),
  );
}
