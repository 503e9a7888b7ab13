// The persona table, threads (issue 5 part 6; spec/security.md §2, features.md A3): reading,
// creating, editing, deleting and following threads of guest space A, commenting, replying and
// liking, the files of comments, and the threads of private space Q and public space P. "Its own
// thread" is one the persona created — the outsider while it was a member of A, guestB while it
// was a guest there, the suspended guest before its suspension: having written a thread opens no
// door once one is out of the space. "Another's" was written by guestAB, a guest of A and B.
import { type Act, REACH, type Who, json, personaTable, worldSpaces } from '../support/persona-table.js';

const TABLE = `
                                       | admin         | spaceAdmin    | member        | outsider      | guestA        | guestB        | suspended   | anonymous
  read a thread of A                   | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read a thread of A on the plain path | 400 GAIA_IL23 | 400 GAIA_IL23 | 400 GAIA_IL23 | 404 GAIA_TH01 | 400 GAIA_IL23 | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  list the threads of A                | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  create a thread in A                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  edit its own thread                  | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  edit another's thread                | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  follow a thread of A                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  comment on a thread of A             | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  reply to a comment in A              | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  like a comment in A                  | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  list the comments of a thread of A   | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  delete another's comment in A        | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  delete its own comment in A          | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  download a comment's file in A       | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  download it on the plain path        | 404 GAIA_BL01 | 404 GAIA_BL01 | 404 GAIA_BL01 | 404 GAIA_BL01 | 404 GAIA_BL01 | 404 GAIA_BL01 | 401 CB_WA01 | 401 CB_AU01
  delete another's thread              | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  delete its own thread                | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the thread of Q                 | 200           | 200           | 200           | 404 GAIA_TH01 | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  comment on the thread of Q           | 200           | 200           | 200           | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  comment on the thread of P           | 200           | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read one's notifications             | 200           | 200           | 200           | 200           | 200           | 200           | 401 CB_WA01 | 401 CB_AU01
`;

type W = Parameters<Act>[0];
const thread = (w: W, id: number) => w.asAdmin('GET', `${w.gA}/space/thread.json?id=${id}`);
/** The newest ten comments of a thread (`asc`: the oldest ten), as the administrator sees them. */
const comments = async (w: W, k: string, space: number, threadId: number, order = 'desc') =>
  (json(await w.asAdmin('GET', `${k}/space/thread/comments.json?space=${space}&thread=${threadId}&limit=10&order=${order}`))?.comments ?? []) as Array<{
    id: string;
    text: string;
    likeCount: string;
  }>;
/** Posts a comment on A's default thread as `who` (or guestAB, for those who cannot) and answers its id. */
const commentBy = async (w: W, who: Who | 'guestAB', text: string): Promise<number> => {
  const as = who === 'guestAB' ? w.guestAB : w.persona(who);
  const res = await w.d.request({ method: 'POST', url: `${w.gA}/space/thread/comment.json`, ...(as ? { as } : {}), payload: { space: w.spaces.A, thread: w.threads.A, comment: { text } } });
  if (res.statusCode === 200) return Number(res.json().id);
  return commentBy(w, 'guestAB', text);
};
const mayComment = (who: Who) => ['admin', 'spaceAdmin', 'member', 'guestA'].includes(who);
const postOn = (w: W, who: Who, k: string, space: number, threadId: number) => {
  const text = `${who} was here (${space}/${threadId})`;
  return async () => ({
    res: await w.call(who, 'POST', `${k}/space/thread/comment.json`, { space, thread: threadId, comment: { text } }),
    took: async () => (await comments(w, k, space, threadId)).some((c) => c.text === text),
  });
};

const ACTS: Record<string, Act> = {
  'read a thread of A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space/thread.json?id=${w.otherThread}`),
    shows: (r) => json(r).name === "guestAB's thread" && json(r).space === String(w.spaces.A),
  }),
  'read a thread of A on the plain path': async (w, who) => ({ res: await w.call(who, 'GET', `/k/v1/space/thread.json?id=${w.otherThread}`) }),
  'list the threads of A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space/threads.json?space=${w.spaces.A}`),
    shows: (r) => {
      const threads = json(r).threads as Array<{ id: string; space: string }>;
      return threads.every((t) => t.space === String(w.spaces.A)) && threads.some((t) => Number(t.id) === w.otherThread);
    },
  }),
  'create a thread in A': async (w, who) => {
    const name = `A new thread by ${who}`;
    return {
      res: await w.call(who, 'POST', `${w.gA}/space/thread.json`, { space: w.spaces.A, name }),
      took: async () => JSON.stringify(json(await w.asAdmin('GET', `${w.gA}/space/threads.json?space=${w.spaces.A}&limit=100`))).includes(name),
    };
  },
  'edit its own thread': async (w, who) => {
    const words = `${who} rewrote its own thread`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/thread.json`, { id: w.ownThread[who], body: `<p>${words}</p>` }),
      took: async () => String(json(await thread(w, w.ownThread[who])).body).includes(words),
    };
  },
  "edit another's thread": async (w, who) => {
    const words = `${who} rewrote guestAB's thread`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/thread.json`, { id: w.otherThread, body: `<p>${words}</p>` }),
      took: async () => String(json(await thread(w, w.otherThread)).body).includes(words),
    };
  },
  'follow a thread of A': async (w, who) => ({
    res: await w.call(who, 'PUT', `${w.gA}/space/thread/follow.json`, { id: w.otherThread, follow: true }),
    took: async () => json(await w.call(who, 'GET', `${w.gA}/space/thread.json?id=${w.otherThread}`))?.following === true,
  }),
  'comment on a thread of A': (w, who) => postOn(w, who, w.gA, w.spaces.A, w.threads.A)(),
  'reply to a comment in A': async (w, who) => {
    const text = `${who} replies`;
    return {
      res: await w.call(who, 'POST', `${w.gA}/space/thread/comment.json`, { space: w.spaces.A, thread: w.threads.A, parent: w.comment, comment: { text } }),
      took: async () => (await comments(w, w.gA, w.spaces.A, w.threads.A)).some((c) => c.text === text),
    };
  },
  'like a comment in A': async (w, who) => {
    const likes = async () => Number((await comments(w, w.gA, w.spaces.A, w.threads.A, 'asc')).find((c) => Number(c.id) === w.comment)?.likeCount);
    const before = await likes();
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/thread/comment/like.json`, { space: w.spaces.A, thread: w.threads.A, comment: w.comment, like: true }),
      took: async () => (await likes()) === before + 1,
    };
  },
  'list the comments of a thread of A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space/thread/comments.json?space=${w.spaces.A}&thread=${w.threads.A}&order=asc`),
    shows: (r) => (json(r).comments as Array<{ id: string; text: string }>)[0]?.text === 'guestAB says hello',
  }),
  "delete another's comment in A": async (w, who) => {
    const id = await commentBy(w, 'guestAB', `guestAB's comment for ${who} to delete`);
    return {
      res: await w.call(who, 'DELETE', `${w.gA}/space/thread/comment.json?space=${w.spaces.A}&thread=${w.threads.A}&comment=${id}`),
      took: async () => !(await comments(w, w.gA, w.spaces.A, w.threads.A)).some((c) => Number(c.id) === id),
    };
  },
  'delete its own comment in A': async (w, who) => {
    // Those who may not comment in A have no comment there: they try guestAB's.
    const id = await commentBy(w, mayComment(who) ? who : 'guestAB', `a comment for ${who} to delete`);
    return {
      res: await w.call(who, 'DELETE', `${w.gA}/space/thread/comment.json?space=${w.spaces.A}&thread=${w.threads.A}&comment=${id}`),
      took: async () => !(await comments(w, w.gA, w.spaces.A, w.threads.A)).some((c) => Number(c.id) === id),
    };
  },
  "download a comment's file in A": async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/file.json?fileKey=${w.files.threadA.fileKey}`),
    shows: (r) => r.body === w.files.threadA.data,
  }),
  'download it on the plain path': async (w, who) => ({ res: await w.call(who, 'GET', `/k/v1/file.json?fileKey=${w.files.threadA.fileKey}`) }),
  "delete another's thread": async (w, who) => {
    const id = Number(
      json(await w.d.request({ method: 'POST', url: `${w.gA}/space/thread.json`, as: w.guestAB, payload: { space: w.spaces.A, name: `for ${who} to delete` } })).id,
    );
    return {
      res: await w.call(who, 'DELETE', `${w.gA}/space/thread.json?id=${id}`),
      took: async () => (await thread(w, id)).statusCode !== 200,
    };
  },
  'delete its own thread': async (w, who) => ({
    res: await w.call(who, 'DELETE', `${w.gA}/space/thread.json?id=${w.ownThread[who]}`),
    took: async () => (await thread(w, w.ownThread[who])).statusCode !== 200,
  }),
  'read the thread of Q': async (w, who) => ({
    res: await w.call(who, 'GET', `/k/v1/space/thread.json?id=${w.threads.Q}`),
    shows: (r) => json(r).space === String(w.spaces.Q),
  }),
  'comment on the thread of Q': (w, who) => postOn(w, who, '/k/v1', w.spaces.Q, w.threads.Q)(),
  'comment on the thread of P': (w, who) => postOn(w, who, '/k/v1', w.spaces.P, w.threads.P)(),
  "read one's notifications": async (w, who) => ({
    res: await w.call(who, 'GET', '/v1/notifications.json?limit=100'),
    // Only notices about spaces one is in now (guestB was told of a thread of A while it was a
    // guest there: that notice is gone); A's people were told of the threads made in A.
    shows: (r) => {
      const about = (json(r).notifications as Array<{ space?: { id: string } }>).flatMap((n) => (n.space ? [n.space.id] : []));
      const spaces = worldSpaces(w, about);
      const inA = ['spaceAdmin', 'member', 'guestA'].includes(who);
      return spaces.every((s) => REACH[who].includes(s)) && (!inA || spaces.includes('A'));
    },
  }),
};

personaTable('persona × thread action', TABLE, ACTS);
