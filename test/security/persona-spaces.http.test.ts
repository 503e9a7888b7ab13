// The persona table, spaces (issue 5 part 6; spec/security.md §2, features.md A3): who may
// read, change, join, leave and delete guest space A, public space P and private space Q, and
// their members, guests, board, cover and links. A row per action, a column per persona; read a
// row as "<action>: the admin gets …, the space admin …". The admin is named in none of these
// spaces: it manages them as domain administrator. Alice is the only administrator named in A
// and in the fresh guest spaces, so she may not leave them (a space keeps an administrator).
// Changes that must not happen twice run on a fresh space with A's cast (the suspended guest is
// left out of those: it fails to sign in before any space is looked at).
import { type Act, type Who, json, personaTable } from '../support/persona-table.js';

const TABLE = `
                                        | admin         | spaceAdmin    | member        | outsider      | guestA        | guestB      | suspended   | anonymous
  read space A                          | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read space A on the plain path        | 400 GAIA_IL23 | 400 GAIA_IL23 | 400 GAIA_IL23 | 404 GAIA_SP01 | 400 GAIA_IL23 | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read space B                          | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 200         | 401 CB_WA01 | 401 CB_AU01
  read private space Q                  | 200           | 200           | 200           | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read public space P                   | 200           | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  edit the settings of A                | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  edit the settings of Q                | 200           | 200           | 403 CB_NO02   | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  edit the board of A                   | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  change the cover of A                 | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read the members of A                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read the members of Q                 | 200           | 200           | 200           | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  change the members of a guest space   | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  set the guests of a guest space       | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  set the guests of A on the plain path | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  delete a guest space                  | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  delete a private space                | 200           | 200           | 403 CB_NO02   | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  join guest space A                    | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  leave a guest space                   | 403 CB_NO02   | 400 CB_VA01   | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  join a public space                   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 200           | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  read the related links of A           | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  change the related links of A         | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  search space A                        | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
  search private space Q                | 200           | 200           | 200           | 404 GAIA_SP01 | 403 CB_NO02   | 403 CB_NO02 | 401 CB_WA01 | 401 CB_AU01
`;

const USER = (code: string, isAdmin = false) => ({ entity: { type: 'USER', code }, isAdmin });
const PRESETS = ['GREEN', 'BLUE', 'RED', 'ORANGE', 'YELLOW', 'PURPLE', 'GRAY'];
/** The codes of the users named as members of space `k`/`id`, asked as the administrator. */
const named: (w: Parameters<Act>[0], k: string, id: number) => Promise<string[]> = async (w, k, id) =>
  ((json(await w.asAdmin('GET', `${k}/space/members.json?id=${id}`))?.members ?? []) as Array<{ entity: { type: string; code: string }; isImplicit: boolean }>)
    .filter((m) => m.entity.type === 'USER' && !m.isImplicit)
    .map((m) => m.entity.code);
const codeOf = (w: Parameters<Act>[0], who: Who) => w.persona(who)?.code ?? '';

const ACTS: Record<string, Act> = {
  'read space A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space.json?id=${w.spaces.A}`),
    shows: (r) => json(r).id === String(w.spaces.A) && json(r).isGuest === true && json(r).attachedApps.length === 2,
  }),
  'read space A on the plain path': async (w, who) => ({ res: await w.call(who, 'GET', `/k/v1/space.json?id=${w.spaces.A}`) }),
  'read space B': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gB}/space.json?id=${w.spaces.B}`),
    shows: (r) => json(r).name === 'Guest space B',
  }),
  'read private space Q': async (w, who) => ({
    res: await w.call(who, 'GET', `/k/v1/space.json?id=${w.spaces.Q}`),
    shows: (r) => json(r).name === 'Private space Q' && json(r).isPrivate === true,
  }),
  'read public space P': async (w, who) => ({
    res: await w.call(who, 'GET', `/k/v1/space.json?id=${w.spaces.P}`),
    shows: (r) => json(r).name === 'Public space P' && json(r).attachedApps.map((a: { name: string }) => a.name).join() === 'P1',
  }),
  'edit the settings of A': async (w, who) => {
    const name = `A, as named by ${who}`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space.json`, { id: w.spaces.A, name }),
      took: async () => json(await w.asAdmin('GET', `${w.gA}/space.json?id=${w.spaces.A}`)).name === name,
    };
  },
  'edit the settings of Q': async (w, who) => {
    const name = `Q, as named by ${who}`;
    return {
      res: await w.call(who, 'PUT', '/k/v1/space.json', { id: w.spaces.Q, name }),
      took: async () => json(await w.asAdmin('GET', `/k/v1/space.json?id=${w.spaces.Q}`)).name === name,
    };
  },
  'edit the board of A': async (w, who) => {
    const words = `Board written by ${who}`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/body.json`, { id: w.spaces.A, body: `<p>${words}</p>` }),
      took: async () => String(json(await w.asAdmin('GET', `${w.gA}/space.json?id=${w.spaces.A}`)).body).includes(words),
    };
  },
  'change the cover of A': async (w, who) => {
    const now = json(await w.asAdmin('GET', `${w.gA}/space.json?id=${w.spaces.A}`)).coverKey;
    const coverKey = PRESETS[(PRESETS.indexOf(now) + 1) % PRESETS.length];
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/cover.json`, { id: w.spaces.A, coverType: 'PRESET', coverKey }),
      took: async () => json(await w.asAdmin('GET', `${w.gA}/space.json?id=${w.spaces.A}`)).coverKey === coverKey,
    };
  },
  'read the members of A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space/members.json?id=${w.spaces.A}`),
    // Guests are never members: the rows are alice (administrator) and the member.
    shows: (r) => json(r).members.map((m: { entity: { code: string }; isAdmin: boolean }) => `${m.entity.code}:${m.isAdmin}`).sort().join() === 'alice:true,member:false',
  }),
  'read the members of Q': async (w, who) => ({ res: await w.call(who, 'GET', `/k/v1/space/members.json?id=${w.spaces.Q}`) }),
  'change the members of a guest space': async (w, who) => {
    const s = await w.freshGuestSpace();
    const k = `/k/guest/${s.id}/v1`;
    return {
      res: await w.call(who, 'PUT', `${k}/space/members.json`, { id: s.id, members: [USER('alice', true), USER('member'), USER('bob')] }),
      took: async () => (await named(w, k, s.id)).includes('bob'),
    };
  },
  'set the guests of a guest space': async (w, who) => {
    const s = await w.freshGuestSpace();
    const k = `/k/guest/${s.id}/v1`;
    return {
      res: await w.call(who, 'PUT', `${k}/space/guests.json`, { id: s.id, guests: [w.guestA.code, w.guestAB.code, w.guestB.code] }),
      took: async () => (await w.call('guestB', 'GET', `${k}/space.json?id=${s.id}`)).statusCode === 200,
    };
  },
  'set the guests of A on the plain path': async (w, who) => ({
    res: await w.call(who, 'PUT', '/k/v1/space/guests.json', { id: w.spaces.A, guests: [w.guestA.code, w.guestAB.code, w.guestB.code] }),
    took: async () => (await w.call('guestB', 'GET', `${w.gA}/space.json?id=${w.spaces.A}`)).statusCode === 200,
  }),
  'delete a guest space': async (w, who) => {
    const s = await w.freshGuestSpace();
    const k = `/k/guest/${s.id}/v1`;
    return {
      res: await w.call(who, 'DELETE', `${k}/space.json?id=${s.id}`),
      took: async () => (await w.asAdmin('GET', `${k}/space.json?id=${s.id}`)).statusCode !== 200,
    };
  },
  'delete a private space': async (w, who) => {
    const s = await w.freshPrivateSpace();
    return {
      res: await w.call(who, 'DELETE', `/k/v1/space.json?id=${s.id}`),
      took: async () => (await w.asAdmin('GET', `/k/v1/space.json?id=${s.id}`)).statusCode !== 200,
    };
  },
  'join guest space A': async (w, who) => ({
    res: await w.call(who, 'POST', `${w.gA}/space/join.json`, { id: w.spaces.A }),
    took: async () => who !== 'member' && who !== 'spaceAdmin' && (await named(w, w.gA, w.spaces.A)).includes(codeOf(w, who)),
  }),
  'leave a guest space': async (w, who) => {
    const s = await w.freshGuestSpace();
    const k = `/k/guest/${s.id}/v1`;
    const before = (await named(w, k, s.id)).includes(codeOf(w, who));
    return {
      res: await w.call(who, 'POST', `${k}/space/leave.json`, { id: s.id }),
      took: async () => before && !(await named(w, k, s.id)).includes(codeOf(w, who)),
    };
  },
  'join a public space': async (w, who) => {
    const s = await w.freshPublicSpace();
    const before = (await named(w, '/k/v1', s.id)).includes(codeOf(w, who));
    return {
      res: await w.call(who, 'POST', '/k/v1/space/join.json', { id: s.id }),
      took: async () => !before && (await named(w, '/k/v1', s.id)).includes(codeOf(w, who)),
    };
  },
  'read the related links of A': async (w, who) => ({ res: await w.call(who, 'GET', `${w.gA}/space/links.json?id=${w.spaces.A}`) }),
  'change the related links of A': async (w, who) => {
    const url = `https://example.com/linked-by-${who}`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/space/links.json`, { id: w.spaces.A, links: [{ type: 'URL', url }] }),
      took: async () => JSON.stringify(json(await w.asAdmin('GET', `${w.gA}/space/links.json?id=${w.spaces.A}`))).includes(url),
    };
  },
  'search space A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/space/search.json?id=${w.spaces.A}&keyword=secret`),
    // A1's and A2's records, and nothing of another space.
    shows: (r) => {
      const hits = json(r).hits as Array<{ type: string; space: string; app?: string }>;
      const apps = hits.filter((h) => h.type === 'RECORD').map((h) => Number(h.app));
      return hits.every((h) => h.space === String(w.spaces.A)) && apps.includes(w.apps.A1) && apps.includes(w.apps.A2);
    },
  }),
  'search private space Q': async (w, who) => ({
    res: await w.call(who, 'GET', `/k/v1/space/search.json?id=${w.spaces.Q}&keyword=secret`),
    shows: (r) => (json(r).hits as Array<{ app?: string }>).some((h) => Number(h.app) === w.apps.Q1),
  }),
};

personaTable('persona × space action', TABLE, ACTS);
