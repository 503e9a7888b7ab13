// A domain with spaces, guest spaces and the cast of security.md §1, for isolation tests:
//   admin      domain administrator; as their creator, also the named space administrator of A and B
//   spaceAdmin alice: space administrator of guest space A and of private space Q
//   member     a plain member of A
//   outsider   bob: a user in no space except as a visitor of public space P
//   guestA     a guest of A;  guestAB of A and B;  guestB of B;  suspended: a suspended guest of A
// Spaces: A and B (guest spaces), P (public), Q (private). Apps with one record each: A1, A2 in A,
// B1 in B, P1 in P, Q1 in Q, O1 in no space — every app keeps kintone's default permissions
// (everyone may view, add, edit and delete records), so only space membership keeps anyone out.
import { expect } from 'vitest';
import type { Harness, Persona, TestDomain } from './app.js';
import { newDomain } from './app.js';
import { deployedApp } from './apps.js';
import { addGuest, setSpaceGuests } from './guests.js';
import { addSpace } from './spaces.js';

export const WORLD_FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  doc: { type: 'FILE', code: 'doc', label: 'Document' },
};

export interface GuestWorld {
  d: TestDomain;
  admin: Persona;
  spaceAdmin: Persona;
  member: Persona;
  outsider: Persona;
  guestA: Persona;
  guestAB: Persona;
  guestB: Persona;
  suspended: Persona;
  spaces: { A: number; B: number; P: number; Q: number };
  threads: { A: number; B: number; P: number; Q: number };
  apps: { A1: number; A2: number; B1: number; P1: number; Q1: number; O1: number };
  /** The guest-space prefix of an app's space ('' for apps outside guest spaces). */
  prefix(app: keyof GuestWorld['apps']): string;
}

export async function guestWorld(h: Harness): Promise<GuestWorld> {
  const d = await newDomain(h);
  const admin = d.admin;
  const member = d.member;
  const spaceAdmin = await d.addUser('alice');
  const outsider = await d.addUser('bob');
  const A = await addSpace(d, admin, {
    name: 'Guest space A',
    isGuest: true,
    members: [{ entity: { type: 'USER', code: spaceAdmin.code }, isAdmin: true }, member],
  });
  const B = await addSpace(d, admin, { name: 'Guest space B', isGuest: true });
  const P = await addSpace(d, spaceAdmin, { name: 'Public space P', members: [member] });
  const Q = await addSpace(d, spaceAdmin, { name: 'Private space Q', isPrivate: true, members: [member] });

  const guestA = await addGuest(d, 'guest-a@partner.example');
  const guestAB = await addGuest(d, 'guest-ab@partner.example');
  const guestB = await addGuest(d, 'guest-b@other.example');
  const suspended = await addGuest(d, 'guest-sus@partner.example');
  await setSpaceGuests(d, A.id, [guestA, guestAB, suspended]);
  await setSpaceGuests(d, B.id, [guestAB, guestB]);
  const off = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: admin, payload: { guests: [{ code: suspended.code, valid: false }] } });
  expect(off.statusCode, off.body).toBe(200);

  const apps = {
    A1: await deployedApp(d, WORLD_FIELDS, { name: 'A1', guestSpace: A.id }),
    A2: await deployedApp(d, WORLD_FIELDS, { name: 'A2', guestSpace: A.id }),
    B1: await deployedApp(d, WORLD_FIELDS, { name: 'B1', guestSpace: B.id }),
    P1: await deployedApp(d, WORLD_FIELDS, { name: 'P1', space: P.id, as: spaceAdmin }),
    Q1: await deployedApp(d, WORLD_FIELDS, { name: 'Q1', space: Q.id, as: spaceAdmin }),
    O1: await deployedApp(d, WORLD_FIELDS, { name: 'O1' }),
  };
  const guestOf: Record<string, number> = { A1: A.id, A2: A.id, B1: B.id };
  const prefix = (app: keyof typeof apps) => (guestOf[app] ? `/k/guest/${guestOf[app]}` : '');
  for (const [name, app] of Object.entries(apps)) {
    const p = prefix(name as keyof typeof apps);
    const res = await d.request({
      method: 'POST',
      url: `${p ? `${p}/v1` : '/k/v1'}/record.json`,
      as: admin,
      payload: { app, record: { title: { value: `${name} secret` } } },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return {
    d,
    admin,
    spaceAdmin,
    member,
    outsider,
    guestA,
    guestAB,
    guestB,
    suspended,
    spaces: { A: A.id, B: B.id, P: P.id, Q: Q.id },
    threads: { A: A.defaultThread, B: B.defaultThread, P: P.defaultThread, Q: Q.defaultThread },
    apps,
    prefix,
  };
}

/** `/k/v1` or `/k/guest/{id}/v1` for an app of the world. */
export function kPath(w: GuestWorld, app: keyof GuestWorld['apps']): string {
  const p = w.prefix(app);
  return p ? `${p}/v1` : '/k/v1';
}
