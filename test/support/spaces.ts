// Spaces for tests, created through the API (POST /k/v1/space.json) as a user would.
import type { Persona, TestDomain } from './app.js';

export interface MemberSpec {
  entity: { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string };
  isAdmin?: boolean;
  includeSubs?: boolean;
}

export interface SpaceOptions {
  name?: string;
  isGuest?: boolean;
  isPrivate?: boolean;
  /** Personas become plain (non-admin) user members; member objects are sent as they are. */
  members?: Array<Persona | MemberSpec>;
  useMultiThread?: boolean;
  fixedMember?: boolean;
  body?: string;
}

export interface TestSpace {
  id: number;
  defaultThread: number;
}

function toMember(m: Persona | MemberSpec): MemberSpec {
  return 'entity' in m ? m : { entity: { type: 'USER', code: m.code }, isAdmin: false };
}

/**
 * Creates a space as `as`, who is its administrator unless `members` names them already. Guest
 * spaces need a domain administrator as `as` (kintone's default).
 */
export async function addSpace(domain: TestDomain, as: Persona, opts: SpaceOptions = {}): Promise<TestSpace> {
  const { members = [], name = 'Test space', ...rest } = opts;
  const listed = members.map(toMember);
  const namesCreator = listed.some((m) => m.entity.type === 'USER' && m.entity.code.toLowerCase() === as.code.toLowerCase());
  const payload = { ...rest, name, members: namesCreator ? listed : [{ entity: { type: 'USER', code: as.code }, isAdmin: true }, ...listed] };
  const res = await domain.request({ method: 'POST', url: '/k/v1/space.json', as, payload });
  if (res.statusCode !== 200) throw new Error(`POST /k/v1/space.json failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { id: string; defaultThread: string };
  return { id: Number(body.id), defaultThread: Number(body.defaultThread) };
}
