// A domain with spaces for thread tests, and the calls of the threads API:
//   admin    domain administrator (an administrator of every space, as kintone has it)
//   alice    space administrator of every space below
//   member   a plain member of A, Q, P, S and F;  carol  a plain member of A and Q
//   bob      a user in no space (a visitor of the public ones)
//   gA       a guest of A;  gAB  a guest of A and B;  gB  a guest of B
// Spaces, all with multiple threads except S: A and B (guest spaces), Q (private), P (public),
// S (public, single thread), F (private, fixed membership).
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Harness, type Persona, type TestDomain, newDomain } from './app.js';
import { addGuest, setSpaceGuests } from './guests.js';
import { type TestSpace, addSpace } from './spaces.js';

export type SpaceName = 'A' | 'B' | 'Q' | 'P' | 'S' | 'F';

export interface ThreadWorld {
  d: TestDomain;
  admin: Persona;
  alice: Persona;
  member: Persona;
  carol: Persona;
  bob: Persona;
  gA: Persona;
  gAB: Persona;
  gB: Persona;
  spaces: Record<SpaceName, TestSpace>;
  /** `/k/v1`, or `/k/guest/{id}/v1` for a guest space. */
  k(space: SpaceName): string;
}

export async function threadWorld(h: Harness): Promise<ThreadWorld> {
  const d = await newDomain(h);
  const alice = await d.addUser('alice');
  const carol = await d.addUser('carol');
  const bob = await d.addUser('bob');
  const member = d.member;
  const spaceAdmin = { entity: { type: 'USER' as const, code: alice.code }, isAdmin: true };
  const spaces: Record<SpaceName, TestSpace> = {
    A: await addSpace(d, d.admin, { name: 'Guest space A', isGuest: true, useMultiThread: true, members: [spaceAdmin, member, carol] }),
    B: await addSpace(d, d.admin, { name: 'Guest space B', isGuest: true, useMultiThread: true, members: [spaceAdmin] }),
    Q: await addSpace(d, alice, { name: 'Private Q', isPrivate: true, useMultiThread: true, members: [spaceAdmin, member, carol] }),
    P: await addSpace(d, alice, { name: 'Public P', useMultiThread: true, members: [spaceAdmin, member] }),
    S: await addSpace(d, alice, { name: 'Single S', members: [spaceAdmin, member] }),
    F: await addSpace(d, alice, { name: 'Fixed F', isPrivate: true, fixedMember: true, useMultiThread: true, members: [spaceAdmin, member] }),
  };
  const gA = await addGuest(d, 'ga@partner.example');
  const gAB = await addGuest(d, 'gab@partner.example');
  const gB = await addGuest(d, 'gb@other.example');
  await setSpaceGuests(d, spaces.A.id, [gA, gAB]);
  await setSpaceGuests(d, spaces.B.id, [gAB, gB]);
  const k = (space: SpaceName) => (space === 'A' || space === 'B' ? `/k/guest/${spaces[space].id}/v1` : '/k/v1');
  return { d, admin: d.admin, alice, member, carol, bob, gA, gAB, gB, spaces, k };
}

/** A guest's account code, as mentions name it. */
export function guestCode(p: Persona): string {
  return `guest/${p.code}`;
}

export interface ThreadCalls {
  createThread(as: Persona, space: SpaceName, payload?: Record<string, unknown>, k?: string): Promise<LightMyRequestResponse>;
  /** Creates a thread and answers its id. */
  thread(as: Persona, space: SpaceName, payload?: Record<string, unknown>): Promise<number>;
  getThread(as: Persona, id: number, k: string): Promise<LightMyRequestResponse>;
  updateThread(as: Persona, payload: Record<string, unknown>, k: string): Promise<LightMyRequestResponse>;
  deleteThread(as: Persona, id: number, k: string): Promise<LightMyRequestResponse>;
  comment(as: Persona, space: SpaceName, thread: number, comment: Record<string, unknown>, extra?: Record<string, unknown>, k?: string): Promise<LightMyRequestResponse>;
  comments(as: Persona, space: SpaceName, thread: number, params?: string, k?: string): Promise<LightMyRequestResponse>;
  inbox(as: Persona): Promise<{ notifications: any[]; unread: { toMe: string; all: string } }>;
}

export function threadCalls(w: ThreadWorld): ThreadCalls {
  const { d } = w;
  const calls: ThreadCalls = {
    createThread: (as, space, payload = {}, k = w.k(space)) =>
      d.request({ method: 'POST', url: `${k}/space/thread.json`, as, payload: { space: w.spaces[space].id, name: 'A thread', ...payload } }),
    thread: async (as, space, payload = {}) => {
      const res = await calls.createThread(as, space, payload);
      expect(res.statusCode, res.body).toBe(200);
      return Number(res.json().id);
    },
    getThread: (as, id, k) => d.request({ method: 'GET', url: `${k}/space/thread.json?id=${id}`, as }),
    updateThread: (as, payload, k) => d.request({ method: 'PUT', url: `${k}/space/thread.json`, as, payload }),
    deleteThread: (as, id, k) => d.request({ method: 'DELETE', url: `${k}/space/thread.json?id=${id}`, as }),
    comment: (as, space, thread, comment, extra = {}, k = w.k(space)) =>
      d.request({ method: 'POST', url: `${k}/space/thread/comment.json`, as, payload: { space: w.spaces[space].id, thread, comment, ...extra } }),
    comments: (as, space, thread, params = '', k = w.k(space)) =>
      d.request({ method: 'GET', url: `${k}/space/thread/comments.json?space=${w.spaces[space].id}&thread=${thread}${params}`, as }),
    inbox: async (as) => {
      const res = await d.request({ method: 'GET', url: '/v1/notifications.json?limit=100', as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
  };
  return calls;
}
