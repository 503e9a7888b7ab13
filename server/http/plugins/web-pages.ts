// The two HTML entries of the web app (index.html, public.html) are asked for on every page a
// browser opens, and a published view may be opened by thousands. They are small, so they are
// kept in memory with their pre-compressed forms (the build writes .br and .gz beside them) and
// a validator, instead of being looked up, opened and streamed from disk on every request. A
// rebuild while the server runs is noticed within a second: the files' times are checked at
// most that often.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickEncoding } from '../accept-encoding.js';

interface Page {
  raw: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  etag: string;
  /** The three files' times: a build writes the compressed forms after the page. */
  version: string;
}

const RECHECK_MS = 1_000;

function mtimeOf(file: string): number | null {
  try {
    const st = statSync(file);
    return st.isFile() ? st.mtimeMs : null;
  } catch {
    return null;
  }
}

function readOptional(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

export class WebPages {
  readonly #root: string;
  readonly #pages = new Map<string, { page: Page | null; checkedAt: number }>();

  constructor(root: string) {
    this.#root = root;
  }

  /** The page `name` (a file directly in the root), or null when the build has none. */
  get(name: string, now = Date.now()): Page | null {
    const kept = this.#pages.get(name);
    if (kept && now - kept.checkedAt < RECHECK_MS) return kept.page;
    const file = path.join(this.#root, name);
    const mtime = mtimeOf(file);
    if (mtime === null) {
      this.#pages.set(name, { page: null, checkedAt: now });
      return null;
    }
    const version = `${mtime}:${mtimeOf(`${file}.br`)}:${mtimeOf(`${file}.gz`)}`;
    if (kept?.page?.version === version) {
      kept.checkedAt = now;
      return kept.page;
    }
    const raw = readFileSync(file);
    const page: Page = {
      raw,
      br: readOptional(`${file}.br`),
      gzip: readOptional(`${file}.gz`),
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      version,
    };
    this.#pages.set(name, { page, checkedAt: now });
    return page;
  }
}

/** Answers with `page` (revalidated by the browser each time: no-cache), 304 when it has it. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page): FastifyReply {
  reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding').header('etag', page.etag).type('text/html; charset=utf-8');
  const asked = request.headers['if-none-match'];
  if (typeof asked === 'string' && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding'] as string | undefined, { br: page.br !== null, gzip: page.gzip !== null });
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.raw);
}
