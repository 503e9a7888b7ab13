// Names of users, departments and groups as records show them, kept per domain and directory
// version (migration 0008): any change to the directory moves the version, so a request only
// ever uses names read at the version it saw, and each name is read from the database once.
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { type Kind, TABLE_OF } from './entities.js';

interface Directory {
  /** codeKey → name, or null for a code that does not exist. */
  names: Record<Kind, Map<string, string | null>>;
  /** user id → code, or null for an id that does not exist. */
  codes: Map<number, string | null>;
}

const caches = new WeakMap<Readonly<Config>, LRUCache<string, Directory>>();

function directoryOf(ctx: Ctx, version: number): Directory {
  let cache = caches.get(ctx.config);
  if (!cache) caches.set(ctx.config, (cache = new LRUCache<string, Directory>({ max: 256 })));
  const key = `${ctx.actor.domainId}:${version}`;
  let directory = cache.get(key);
  if (!directory) {
    directory = { names: { user: new Map(), organization: new Map(), group: new Map() }, codes: new Map() };
    cache.set(key, directory);
  }
  return directory;
}

export interface Names {
  name(kind: Kind, code: string): string | undefined;
  /** The code of a user by id; '' for one that no longer exists. */
  userCode(id: number): string;
}

/** Names for these codes and user ids, read from the database only where not known yet. */
export async function loadNames(ctx: Ctx, version: number, codes: Record<Kind, Set<string>>, userIds: Set<number>): Promise<Names> {
  const dir = directoryOf(ctx, version);
  const ids = [...userIds].filter((id) => !dir.codes.has(id));
  if (ids.length) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'name', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('id', 'in', ids).execute();
    for (const id of ids) dir.codes.set(id, null);
    for (const r of rows) {
      dir.codes.set(Number(r.id), r.code);
      dir.names.user.set(r.codeKey, r.name);
    }
  }
  for (const kind of Object.keys(codes) as Kind[]) {
    const known = dir.names[kind];
    const wanted = [...codes[kind]].filter((k) => !known.has(k));
    if (wanted.length === 0) continue;
    const rows = await ctx.db.selectFrom(TABLE_OF[kind]).select(['codeKey', 'name']).where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', wanted).execute();
    for (const k of wanted) known.set(k, null);
    for (const r of rows) known.set(r.codeKey, r.name);
  }
  return {
    name: (kind, code) => dir.names[kind].get(codeKey(code)) ?? undefined,
    userCode: (id) => dir.codes.get(id) ?? '',
  };
}
