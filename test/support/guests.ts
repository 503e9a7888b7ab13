// Guests for tests: created the way an administrator's script does (POST /k/v1/guests.json),
// returned as a Persona whose password header signs in with the e-mail address, so
// `domain.request({ as: guest })` works like it does for users.
import { nextIds } from '../../server/storage/db.js';
import { toDb } from '../../server/storage/dialect.js';
import { SPACE_SEQUENCE } from '../../server/storage/spaces.repo.js';
import { type Harness, PASSWORD, type Persona, type TestDomain, basicAuth } from './app.js';

export interface GuestOptions {
  name?: string;
  password?: string;
  timezone?: string;
  locale?: 'auto' | 'en' | 'zh' | 'ja';
  company?: string;
  division?: string;
}

function ok(what: string, res: { statusCode: number; body: string }): void {
  if (res.statusCode !== 200) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
}

/**
 * A guest account (no space yet); `code` is its e-mail address. Its header means the guest on
 * every path unless a regular user's login name is that same address (then, on the plain path,
 * the user: G17).
 */
export async function addGuest(domain: TestDomain, email: string, opts: GuestOptions = {}): Promise<Persona> {
  const { password = PASSWORD, name = email.split('@')[0], timezone = 'Asia/Tokyo', ...rest } = opts;
  const guest = { ...rest, name, code: email, password, timezone };
  ok('POST /k/v1/guests.json', await domain.request({ method: 'POST', url: '/k/v1/guests.json', as: domain.admin, payload: { guests: [guest] } }));
  const list = await domain.request({ method: 'GET', url: `/v1/guests.json?codes[0]=${encodeURIComponent(email)}`, as: domain.admin });
  ok('GET /v1/guests.json', list);
  const [found] = list.json().guests as Array<{ id: string }>;
  if (!found) throw new Error(`guest ${email} not listed after creation`);
  return { id: Number(found.id), code: email, password, auth: basicAuth(email, password) };
}

/**
 * Replaces the guests of guest space `spaceId` (PUT /k/guest/{id}/v1/space/guests.json), as the
 * domain administrator unless `as` says otherwise.
 */
export async function setSpaceGuests(domain: TestDomain, spaceId: number, guests: Persona[], as: Persona = domain.admin): Promise<void> {
  ok(
    'PUT space/guests.json',
    await domain.request({
      method: 'PUT',
      url: `/k/guest/${spaceId}/v1/space/guests.json`,
      as,
      payload: { id: spaceId, guests: guests.map((g) => g.code) },
    }),
  );
}

/**
 * A space written straight to the database (a guest space unless `isGuest: false`), with
 * `admins` as its space administrators and `members` as plain members: for guest-account tests
 * that must not depend on the spaces API (test/support/spaces.ts has addSpace, through it).
 */
export async function seedSpace(
  h: Harness,
  domain: TestDomain,
  opts: { name?: string; isGuest?: boolean; admins?: Persona[]; members?: Persona[] } = {},
): Promise<number> {
  const { services } = h;
  const [id] = await nextIds(services.db, domain.id, SPACE_SEQUENCE, 1);
  const yes = toDb.bool(services.dialect, true);
  const no = toDb.bool(services.dialect, false);
  const now = toDb.time(h.clock.now());
  const isGuest = opts.isGuest ?? true;
  const creator = (opts.admins ?? [domain.admin])[0]!;
  await services.db
    .insertInto('spaces')
    .values({
      domainId: domain.id,
      id: id!,
      name: opts.name ?? `space ${id}`,
      isGuest: isGuest ? yes : no,
      isPrivate: isGuest ? yes : no,
      useMultiThread: no,
      fixedMember: no,
      showAnnouncement: yes,
      showThreadList: yes,
      showAppList: yes,
      showMemberList: yes,
      showRelatedLinkList: yes,
      createApp: 'EVERYONE',
      body: null,
      coverType: 'PRESET',
      coverKey: 'GREEN',
      defaultThreadId: null,
      relatedLinks: toDb.json([]),
      creatorId: creator.id,
      createdAt: now,
      modifierId: creator.id,
      modifiedAt: now,
    })
    .execute();
  const rows = [
    ...(opts.admins ?? []).map((p) => ({ p, isAdmin: yes })),
    ...(opts.members ?? []).map((p) => ({ p, isAdmin: no })),
  ].map(({ p, isAdmin }) => ({ domainId: domain.id, spaceId: id!, entityType: 'USER' as const, entityId: p.id, isAdmin, includeSubs: no }));
  if (rows.length) await services.db.insertInto('spaceMembers').values(rows).execute();
  return id!;
}
