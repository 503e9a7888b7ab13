// The persona table, people and the domain (issue 5 part 6; spec/security.md §2, features.md
// A3): the user directory, guest accounts, creating spaces, one's own list of spaces and
// favourites, statistics and the administrators' logs. A guest sees nothing outside its guest
// spaces — no directory, no other space, no system API (403 CB_NO02) — and a regular user sees
// the directory only if it administers the domain (the cybozu User API is administrators' only).
import { addGuest } from '../support/guests.js';
import { type Act, type Who, json, personaTable, reachesExactly } from '../support/persona-table.js';

const TABLE = `
                                | admin       | spaceAdmin  | member      | outsider      | guestA      | guestB      | suspended   | anonymous
  list users                    | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  list groups                   | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  list organisations            | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  list guest accounts           | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  add a guest account           | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  suspend a guest account       | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  delete a guest account        | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  create a space                | 200         | 200         | 200         | 200           | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  create a guest space          | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  list one's spaces             | 200         | 200         | 200         | 200           | 200         | 200         | 401 CB_WA01 | 401 CB_AU01
  mark A as a favourite         | 200         | 200         | 200         | 404 GAIA_SP01 | 200         | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  mark Q as a favourite         | 200         | 200         | 200         | 404 GAIA_SP01 | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read space statistics         | 200         | 200         | 200         | 200           | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read space statistics under A | 404 CB_NF01 | 404 CB_NF01 | 404 CB_NF01 | 404 CB_NF01   | 404 CB_NF01 | 404 CB_NF01 | 401 CB_WA01 | 404 CB_NF01
  read one's own profile        | 200         | 200         | 200         | 200           | 200         | 200         | 401 CB_WA01 | 401 CB_AU01
  read the audit log            | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read the mail outbox          | 200         | 403 CB_NO02 | 403 CB_NO02 | 403 CB_NO02   | 403 CB_NO02 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
`;

type W = Parameters<Act>[0];
const guestListed = async (w: W, email: string) =>
  json(await w.asAdmin('GET', `/v1/guests.json?codes[0]=${encodeURIComponent(email)}`))?.guests?.[0] as { valid: boolean } | undefined;
const myFavourite = async (w: W, who: Who, id: number) =>
  ((json(await w.call(who, 'GET', '/v1/spaces.json'))?.spaces ?? []) as Array<{ id: string; isFavourite: boolean }>).some((s) => s.id === String(id) && s.isFavourite);
const favourite = (space: 'A' | 'Q') => async (w: W, who: Who) => ({
  res: await w.call(who, 'PUT', '/v1/spaces/favourite.json', { id: w.spaces[space], favourite: true }),
  took: () => myFavourite(w, who, w.spaces[space]),
});
let made = 0;

const ACTS: Record<string, Act> = {
  'list users': async (w, who) => ({
    res: await w.call(who, 'GET', '/v1/users.json'),
    // Users only: no guest account is a user of the directory.
    shows: (r) => (json(r).users as Array<{ code: string }>).map((u) => u.code).sort().join() === 'admin,alice,bob,member',
  }),
  'list groups': async (w, who) => ({ res: await w.call(who, 'GET', '/v1/groups.json') }),
  'list organisations': async (w, who) => ({ res: await w.call(who, 'GET', '/v1/organizations.json') }),
  'list guest accounts': async (w, who) => ({
    res: await w.call(who, 'GET', '/v1/guests.json'),
    shows: (r) => (json(r).guests as unknown[]).length >= 4,
  }),
  'add a guest account': async (w, who) => {
    const email = `new-by-${who}@partner.example`;
    return {
      res: await w.call(who, 'POST', '/k/v1/guests.json', { guests: [{ code: email, name: 'New', password: 'a long guest password', timezone: 'Asia/Tokyo' }] }),
      took: async () => (await guestListed(w, email)) !== undefined,
    };
  },
  'suspend a guest account': async (w, who) => {
    const guest = await addGuest(w.d, `to-suspend-${++made}@partner.example`);
    return {
      res: await w.call(who, 'PUT', '/v1/guests/status.json', { guests: [{ code: guest.code, valid: false }] }),
      took: async () => (await guestListed(w, guest.code))?.valid === false,
    };
  },
  'delete a guest account': async (w, who) => {
    const guest = await addGuest(w.d, `to-delete-${++made}@partner.example`);
    return {
      res: await w.call(who, 'DELETE', `/k/v1/guests.json?guests[0]=${encodeURIComponent(guest.code)}`),
      took: async () => (await guestListed(w, guest.code)) === undefined,
    };
  },
  'create a space': async (w, who) => {
    const res = await w.call(who, 'POST', '/k/v1/space.json', { name: `${who}'s space`, members: [{ entity: { type: 'USER', code: w.persona(who)?.code ?? 'alice' }, isAdmin: true }] });
    return { res, took: async () => res.statusCode === 200 && json(await w.asAdmin('GET', `/k/v1/space.json?id=${json(res).id}`))?.name === `${who}'s space` };
  },
  'create a guest space': async (w, who) => {
    const res = await w.call(who, 'POST', '/k/v1/space.json', { name: `${who}'s guest space`, isGuest: true, members: [{ entity: { type: 'USER', code: 'alice' }, isAdmin: true }] });
    const id = json(res)?.id;
    return { res, took: async () => res.statusCode === 200 && json(await w.asAdmin('GET', `/k/guest/${id}/v1/space.json?id=${id}`))?.isGuest === true };
  },
  "list one's spaces": async (w, who) => ({
    res: await w.call(who, 'GET', '/v1/spaces.json'),
    shows: (r) => reachesExactly(w, who, (json(r).spaces as Array<{ id: string }>).map((s) => s.id)),
  }),
  'mark A as a favourite': favourite('A'),
  'mark Q as a favourite': favourite('Q'),
  'read space statistics': async (w, who) => ({
    res: await w.call(who, 'GET', '/k/v1/spaces/statistics.json'),
    // kintone: administrators every space; others the public spaces and their own.
    shows: (r) => reachesExactly(w, who, (json(r).spaces as Array<{ id: string }>).map((s) => s.id)),
  }),
  // A plain-path-only API has no guest-space twin (kintone): the path does not exist.
  'read space statistics under A': async (w, who) => ({ res: await w.call(who, 'GET', `${w.gA}/spaces/statistics.json`) }),
  "read one's own profile": async (w, who) => ({
    res: await w.call(who, 'GET', '/v1/me/profile.json'),
    shows: (r) => json(r).code === (who.startsWith('guest') ? `guest/${w.persona(who)?.code}` : w.persona(who)?.code),
  }),
  'read the audit log': async (w, who) => ({ res: await w.call(who, 'GET', '/v1/audit.json') }),
  'read the mail outbox': async (w, who) => ({ res: await w.call(who, 'GET', '/v1/mail/outbox.json') }),
};

personaTable('persona × people and domain action', TABLE, ACTS);
