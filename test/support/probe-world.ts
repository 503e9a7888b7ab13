// The world of the hostile-guest probes (test/security/guest-probes*.http.test.ts): the persona
// table's world (persona-table.ts) with more of other spaces to aim at — a file in B1's record,
// a comment with a file on B's and on Q's thread — and the one comparison every probe makes: the
// answer for a real object of elsewhere equals the answer for an id that does not exist.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Persona, startApp } from './app.js';
import { eachDatabase } from './db.js';
import { type StoredFile, type TableWorld, answer, json, tableWorld } from './persona-table.js';

/** An id no object of any kind has in the test domains. */
export const MISSING = 999999;
export const NO_FILE = 'no-such-file-key-0123456789';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Probe = (id: string | number) => [Method, string, unknown?];

export interface ProbeWorld extends TableWorld {
  /** guestB's comment (with a file) on B's default thread; the member's on Q's. */
  bComment: number;
  qComment: number;
  files: TableWorld['files'] & { B1: StoredFile; threadB: StoredFile; threadQ: StoredFile };
  /** A request as `p` with its password header. */
  as(p: Persona, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Asks `probe` as `p` with an id that does not exist, then with each foreign id: one answer for all, and no 200. */
  sameAsMissing(p: Persona, foreign: Array<string | number>, probe: Probe, missing?: string | number): Promise<void>;
}

export async function probeWorld(w: TableWorld): Promise<ProbeWorld> {
  const ok = (what: string, res: LightMyRequestResponse) => {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
    return json(res);
  };
  const data = 'B1 attachment';
  const key = await w.upload(w.admin, w.gB, 'B1.txt', data);
  ok('attach to B1', await w.asAdmin('PUT', `${w.gB}/record.json`, { app: w.apps.B1, id: 1, record: { doc: { value: [{ fileKey: key }] } } }));
  const B1 = { fileKey: ok('read B1', await w.asAdmin('GET', `${w.gB}/record.json?app=${w.apps.B1}&id=1`)).record.doc.value[0].fileKey, data };
  const withFile = async (as: Persona, k: string, space: number, thread: number, text: string) => {
    const upload = await w.upload(as, k, 'thread.txt', text);
    const id = Number(ok('comment', await w.d.request({ method: 'POST', url: `${k}/space/thread/comment.json`, as, payload: { space, thread, comment: { text, files: [{ fileKey: upload }] } } })).id);
    const listed = ok('comments', await w.asAdmin('GET', `${k}/space/thread/comments.json?space=${space}&thread=${thread}`));
    const fileKey = listed.comments.find((c: { id: string }) => Number(c.id) === id).files[0].fileKey as string;
    return { id, file: { fileKey, data: text } };
  };
  const b = await withFile(w.guestB, w.gB, w.spaces.B, w.threads.B, 'B thread secret');
  const q = await withFile(w.member, '/k/v1', w.spaces.Q, w.threads.Q, 'Q thread secret');
  const as: ProbeWorld['as'] = (p, method, url, payload) => w.d.request({ method, url, as: p, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    ...w,
    bComment: b.id,
    qComment: q.id,
    files: { ...w.files, B1, threadB: b.file, threadQ: q.file },
    as,
    sameAsMissing: async (p, foreign, probe, missing = MISSING) => {
      const [m, u, body] = probe(missing);
      const expected = answer(await as(p, m, u, body), missing);
      expect((expected as { status: number }).status, `${m} ${u}`).not.toBe(200);
      for (const id of foreign) {
        const [method, url, payload] = probe(id);
        expect(answer(await as(p, method, url, payload), id), `${p.code}: ${method} ${url} ${JSON.stringify(payload ?? '')}`).toEqual(expected);
      }
    },
  };
}

/** Builds a probe world per database for the tests `body` registers (`world()` inside tests). */
export function eachProbeWorld(body: (world: () => ProbeWorld) => void): void {
  eachDatabase((database) => {
    let w: ProbeWorld | undefined;
    beforeAll(async () => {
      w = await probeWorld(await tableWorld(await startApp(database())));
    });
    afterAll(async () => w?.h.close());
    body(() => {
      if (!w) throw new Error('probe world not built yet');
      return w;
    });
  });
}
