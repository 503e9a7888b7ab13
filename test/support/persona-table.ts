// The machinery of the persona table (issue 5, part 6): a table written as text — one row per
// action, one column per persona, each cell the answer that persona must get — and a world to
// run it in. Every cell is one real request on guestWorld's domain (test/support/guest-world.ts),
// run on both databases; a cell reads `200` only when the call succeeded AND its effect is
// there (the thread really changed, the record really went), and a refusal only when nothing
// changed. A cell that disagrees shows as, e.g., `200 (no effect)` or
// `403 CB_NO02 (yet it took effect)` in the row's diff.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startApp } from './app.js';
import { eachDatabase } from './db.js';
import { multipart } from './files.js';
import { type GuestWorld, guestWorld } from './guest-world.js';
import { setSpaceGuests } from './guests.js';
import { type TestSpace, addSpace } from './spaces.js';

/** The columns, in the order the tables write them. */
export const PERSONAS = ['admin', 'spaceAdmin', 'member', 'outsider', 'guestA', 'guestB', 'suspended', 'anonymous'] as const;
export type Who = (typeof PERSONAS)[number];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Outcome {
  res: LightMyRequestResponse;
  /** For a successful answer: does it hold what it should (the records, the members …)? */
  shows?: (res: LightMyRequestResponse) => boolean | Promise<boolean>;
  /** For a change: is it there now (asked as someone who may see it)? Checked whatever the answer. */
  took?: () => boolean | Promise<boolean>;
}

/** One action of the table, as persona `who`. */
export type Act = (w: TableWorld, who: Who) => Promise<Outcome>;

export interface StoredFile {
  fileKey: string;
  data: string;
}

export interface TableWorld extends GuestWorld {
  h: Harness;
  /** `/k/guest/{A}/v1`, `/k/guest/{B}/v1`. */
  gA: string;
  gB: string;
  persona(who: Who): Persona | null;
  /** A request as `who` (anonymous: no credentials at all). */
  call(who: Who, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** The same request as the domain administrator, who sees everything: for checking effects. */
  asAdmin(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /**
   * Each persona's own thread in A (A has multiple threads on). Those who may not create one
   * there made theirs while they belonged to A: the outsider as a former member, guestB and the
   * suspended guest as former or still-active guests. Anonymous has none: it gets guestAB's.
   */
  ownThread: Record<Who, number>;
  /** A thread of A created by guestAB, who is in no column: "another's thread" for everyone. */
  otherThread: number;
  /** guestAB's comment on A's default thread. */
  comment: number;
  files: {
    /** In A1's record 1, field `doc`. */
    A1: StoredFile;
    Q1: StoredFile;
    P1: StoredFile;
    /** Attached to a comment of the member on A's default thread. */
    threadA: StoredFile;
  };
  /** Record 1 of each app (the "<app> secret" record). */
  record: 1;
  /** A new guest space with A's cast: alice its administrator, the member, guestA and guestAB. */
  freshGuestSpace(): Promise<TestSpace>;
  /** A new public space of alice's with the member in it. */
  freshPublicSpace(): Promise<TestSpace>;
  /** A new private space of alice's with the member in it (like Q). */
  freshPrivateSpace(): Promise<TestSpace>;
  /** Uploads `data` under `k` as `as` and answers the temporary key. */
  upload(as: Persona, k: string, name: string, data: string): Promise<string>;
}

function ok(what: string, res: LightMyRequestResponse): LightMyRequestResponse {
  if (res.statusCode !== 200) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res;
}

export async function tableWorld(h: Harness): Promise<TableWorld> {
  const w = await guestWorld(h);
  const { d } = w;
  const gA = `/k/guest/${w.spaces.A}/v1`;
  const gB = `/k/guest/${w.spaces.B}/v1`;
  const persona = (who: Who): Persona | null => (who === 'anonymous' ? null : w[who]);
  const send = (as: Persona | null, method: Method, url: string, payload?: unknown) =>
    d.request({ method, url, ...(as ? { as } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
  const admin = (method: Method, url: string, payload?: unknown) => send(w.admin, method, url, payload);
  const upload = async (as: Persona, k: string, name: string, data: string) => {
    const body = multipart([{ name: 'file', filename: name, type: 'text/plain', data }]);
    const res = ok('upload', await d.request({ method: 'POST', url: `${k}/file.json`, as, payload: body.payload, headers: body.headers }));
    return res.json().fileKey as string;
  };
  const newThread = async (as: Persona, name: string) =>
    Number(ok(`thread ${name}`, await send(as, 'POST', `${gA}/space/thread.json`, { space: w.spaces.A, name })).json().id);

  ok('multiple threads in A', await admin('PUT', `${gA}/space.json`, { id: w.spaces.A, useMultiThread: true }));
  const members = (extra: Persona[]) => ({
    id: w.spaces.A,
    members: [{ entity: { type: 'USER', code: w.spaceAdmin.code }, isAdmin: true }, ...[w.member, ...extra].map((p) => ({ entity: { type: 'USER', code: p.code } }))],
  });
  const status = (valid: boolean) => admin('PUT', '/v1/guests/status.json', { guests: [{ code: w.suspended.code, valid }] });

  const ownThread = {} as Record<Who, number>;
  for (const who of ['admin', 'spaceAdmin', 'member', 'guestA'] as const) ownThread[who] = await newThread(w[who], `${who}'s thread`);
  // The outsider, once a member of A.
  ok('outsider joins A', await admin('PUT', `${gA}/space/members.json`, members([w.outsider])));
  ownThread.outsider = await newThread(w.outsider, "outsider's thread");
  // …and back to A's members without the domain administrator, who created A: from here on it
  // is named in no space but B, and manages A as domain administrator only.
  ok('outsider leaves A', await admin('PUT', `${gA}/space/members.json`, members([])));
  // guestB, once a guest of A; the suspended guest, before its suspension.
  ok('reactivate', await status(true));
  await setSpaceGuests(d, w.spaces.A, [w.guestA, w.guestAB, w.suspended, w.guestB]);
  ownThread.guestB = await newThread(w.guestB, "guestB's thread");
  ownThread.suspended = await newThread(w.suspended, "suspended's thread");
  await setSpaceGuests(d, w.spaces.A, [w.guestA, w.guestAB, w.suspended]);
  ok('suspend again', await status(false));
  const otherThread = await newThread(w.guestAB, "guestAB's thread");
  ownThread.anonymous = otherThread;

  const comment = Number(
    ok('comment', await send(w.guestAB, 'POST', `${gA}/space/thread/comment.json`, { space: w.spaces.A, thread: w.threads.A, comment: { text: 'guestAB says hello' } })).json().id,
  );

  // Files: one in a record of A1, Q1 and P1, and one on a comment of A's default thread.
  const recordFile = async (app: 'A1' | 'Q1' | 'P1'): Promise<StoredFile> => {
    const k = app === 'A1' ? gA : '/k/v1';
    const data = `${app} attachment`;
    const uploaded = await upload(w.admin, k, `${app}.txt`, data);
    ok(`attach to ${app}`, await admin('PUT', `${k}/record.json`, { app: w.apps[app], id: 1, record: { doc: { value: [{ fileKey: uploaded }] } } }));
    const got = ok(`read ${app}`, await admin('GET', `${k}/record.json?app=${w.apps[app]}&id=1`));
    return { fileKey: got.json().record.doc.value[0].fileKey, data };
  };
  const files = { A1: await recordFile('A1'), Q1: await recordFile('Q1'), P1: await recordFile('P1'), threadA: { fileKey: '', data: 'thread attachment in A' } };
  const onThread = await upload(w.member, gA, 'thread.txt', files.threadA.data);
  ok(
    'comment with a file',
    await send(w.member, 'POST', `${gA}/space/thread/comment.json`, { space: w.spaces.A, thread: w.threads.A, comment: { text: 'see the file', files: [{ fileKey: onThread }] } }),
  );
  const listed = ok('comments', await admin('GET', `${gA}/space/thread/comments.json?space=${w.spaces.A}&thread=${w.threads.A}`));
  files.threadA.fileKey = listed.json().comments.find((c: { files: unknown[] }) => c.files.length > 0).files[0].fileKey;

  let fresh = 0;
  return {
    ...w,
    h,
    gA,
    gB,
    persona,
    call: (who, method, url, payload) => {
      // Failed password headers are throttled per address (20 a minute): the suspended guest's
      // every call is one, so each is made in a minute of its own.
      if (who === 'suspended') h.clock.advance(61_000);
      return send(persona(who), method, url, payload);
    },
    asAdmin: admin,
    ownThread,
    otherThread,
    comment,
    files,
    record: 1,
    upload,
    freshGuestSpace: async () => {
      const space = await addSpace(d, w.admin, {
        name: `Fresh guest space ${++fresh}`,
        isGuest: true,
        members: [{ entity: { type: 'USER', code: w.spaceAdmin.code }, isAdmin: true }, w.member],
      });
      // Like A: the domain administrator created it but is not named in it.
      ok('fresh members', await admin('PUT', `/k/guest/${space.id}/v1/space/members.json`, { ...members([]), id: space.id }));
      await setSpaceGuests(d, space.id, [w.guestA, w.guestAB]);
      return space;
    },
    freshPublicSpace: () => addSpace(d, w.spaceAdmin, { name: `Fresh public space ${++fresh}`, members: [w.member] }),
    freshPrivateSpace: () => addSpace(d, w.spaceAdmin, { name: `Fresh private space ${++fresh}`, isPrivate: true, members: [w.member] }),
  };
}

export interface TableRow {
  action: string;
  cells: Record<Who, string>;
}

/**
 * Reads a table written as text: a header line naming the personas in PERSONAS' order, then one
 * line per action, `action | cell | cell …`.
 */
export function parseTable(text: string): TableRow[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const split = (line: string) => line.split('|').map((c) => c.trim());
  const [head, ...rows] = lines;
  if (!head) throw new Error('empty table');
  const columns = split(head).slice(1);
  if (columns.join(',') !== PERSONAS.join(',')) throw new Error(`table columns must be ${PERSONAS.join(', ')}; got ${columns.join(', ')}`);
  return rows.map((line) => {
    const [action, ...cells] = split(line);
    if (!action || cells.length !== PERSONAS.length) throw new Error(`bad table row: ${line}`);
    return { action, cells: Object.fromEntries(PERSONAS.map((p, i) => [p, cells[i]!])) as Record<Who, string> };
  });
}

function errorCode(res: LightMyRequestResponse): string {
  try {
    return String((res.json() as { code?: unknown }).code ?? '(no code)');
  } catch {
    return '(not JSON)';
  }
}

/** The cell a call earns: its status (and error code), marked when the effect disagrees. */
export async function cellOf(o: Outcome): Promise<string> {
  const status = o.res.statusCode;
  let cell = status === 200 ? '200' : `${status} ${errorCode(o.res)}`;
  if (status === 200 && o.shows && !(await o.shows(o.res))) cell += ' (wrong content)';
  if (o.took) {
    const took = await o.took();
    if (status === 200 && !took) cell += ' (no effect)';
    if (status !== 200 && took) cell += ' (yet it took effect)';
  }
  return cell;
}

/**
 * Registers the table: on each database, one world, then one test per row that runs the row's
 * action as every persona in turn and compares the whole row. Rows run in the order written.
 */
export function personaTable(title: string, table: string, acts: Record<string, Act>): void {
  const rows = parseTable(table);
  eachDatabase((database) => {
    let w: TableWorld;
    beforeAll(async () => {
      const h = await startApp(database());
      w = await tableWorld(h);
    });
    afterAll(async () => w?.h.close());

    describe(title, () => {
      it('has an action for every row, and a row for every action', () => {
        expect(rows.map((r) => r.action).sort()).toEqual(Object.keys(acts).sort());
      });
      for (const row of rows) {
        it(row.action, async () => {
          const act = acts[row.action];
          if (!act) throw new Error(`no action for row “${row.action}”`);
          const actual = {} as Record<Who, string>;
          for (const who of PERSONAS) actual[who] = await cellOf(await act(w, who));
          expect(actual).toEqual(row.cells);
        });
      }
    });
  });
}

/** An answer's JSON, or null when it has none. */
export function json(res: LightMyRequestResponse): any {
  try {
    return res.json();
  } catch {
    return null;
  }
}

export type SpaceName = 'A' | 'B' | 'P' | 'Q';

/** The world's spaces each persona has a role in (domain administrators: every space). */
export const REACH: Record<Who, readonly SpaceName[]> = {
  admin: ['A', 'B', 'P', 'Q'],
  spaceAdmin: ['A', 'P', 'Q'],
  member: ['A', 'P', 'Q'],
  outsider: ['P'],
  guestA: ['A'],
  guestB: ['B'],
  suspended: [],
  anonymous: [],
};

/** Which of the world's spaces these space ids name, sorted (fresh spaces made by rows are ignored). */
export function worldSpaces(w: TableWorld, ids: Array<string | number>): SpaceName[] {
  const names = Object.entries(w.spaces).filter(([, id]) => ids.map(String).includes(String(id)));
  return names.map(([name]) => name as SpaceName).sort();
}

/** Whether `who` reaches exactly these of the world's spaces. */
export function reachesExactly(w: TableWorld, who: Who, ids: Array<string | number>): boolean {
  return worldSpaces(w, ids).join() === [...REACH[who]].sort().join();
}

/** An error body without its per-error `id` (also inside bulkRequest results), `quoted` as `?` in messages. */
function normalised(value: unknown, quoted: RegExp | null): unknown {
  if (Array.isArray(value)) return value.map((v) => normalised(v, quoted));
  if (value === null || typeof value !== 'object') return value;
  const isError = 'code' in value && 'message' in value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isError && k === 'id') continue;
    out[k] = k === 'message' && typeof v === 'string' && quoted ? v.replace(quoted, '?') : normalised(v, quoted);
  }
  return out;
}

/**
 * An answer as far as it may rightly differ between a real id and a missing one: without the
 * per-error `id`, and with the asked-for id written as `?` where a message quotes it.
 */
export function answer(res: LightMyRequestResponse, asked: string | number): unknown {
  const body = json(res);
  if (body === null || typeof body !== 'object') return { status: res.statusCode, body: res.body };
  const text = String(asked);
  const quoted = text === '' ? null : new RegExp(`(?<![\\w-])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
  return { status: res.statusCode, ...(normalised(body, quoted) as object) };
}
