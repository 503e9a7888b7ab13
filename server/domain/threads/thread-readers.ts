// Which people may read a space's threads now: the question behind who may be mentioned and who
// hears of a comment. Each person's role is worked out as if they made the request themselves
// (server/policy/spaces.ts through placeIn), so the answer never differs from what their own
// GET would get. A public space is open to every active user; guests only ever reach the
// guest spaces they were added to.
import type { Actor } from '../../policy/actor.js';
import type { SpaceFacts } from '../../policy/spaces.js';
import { fromDb } from '../../storage/dialect.js';
import type { Ctx } from '../context.js';
import { placeIn } from '../spaces/space-access.js';

export interface PersonRow {
  id: number;
  kind: 'user' | 'guest';
  code: string;
  name: string;
  locale: 'ja' | 'en';
  isAdmin: boolean;
  valid: boolean;
}

export async function loadPeople(ctx: Ctx, ids: number[]): Promise<PersonRow[]> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  const out: PersonRow[] = [];
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'kind', 'code', 'name', 'locale', 'isAdmin', 'valid'])
      .where('domainId', '=', ctx.actor.domainId)
      .where('id', 'in', wanted.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.push({ id: Number(r.id), kind: r.kind, code: r.code, name: r.name, locale: r.locale, isAdmin: fromDb.bool(r.isAdmin), valid: fromDb.bool(r.valid) });
  }
  return out;
}

/** The person as the actor of a request of their own. */
function actorOf(domainId: string, p: PersonRow): Actor {
  const base = { domainId, userId: p.id, code: p.code, name: p.name, locale: p.locale, via: 'session' as const };
  return p.kind === 'guest' ? { kind: 'guest', ...base } : { kind: 'user', ...base, isAdmin: p.isAdmin };
}

/** Of these people, the active ones who may read the space's threads. */
export async function readersAmong(ctx: Ctx, version: number, space: SpaceFacts, people: PersonRow[]): Promise<Set<number>> {
  const out = new Set<number>();
  const open = !space.isGuest && !space.isPrivate;
  for (const p of people) {
    if (!p.valid) continue;
    if (open) {
      if (p.kind === 'user') out.add(p.id);
      continue;
    }
    const place = await placeIn({ ...ctx, actor: actorOf(ctx.actor.domainId, p) }, version, space.id);
    if (place?.role) out.add(p.id);
  }
  return out;
}

export async function readersOf(ctx: Ctx, version: number, space: SpaceFacts, ids: number[]): Promise<Set<number>> {
  return readersAmong(ctx, version, space, await loadPeople(ctx, ids));
}
