// Every list query takes a Scope minted here, so a list can never show what a single read
// would refuse. The brand makes an unscoped list a compile error in the repositories.
import { type Actor, roleOf } from './actor.js';
import { roleMay } from '../../common/access.js';

declare const scopeBrand: unique symbol;

export type ScopeKind = 'users' | 'groups' | 'organizations' | 'audit' | 'outbox' | 'apps';

export interface Scope<K extends ScopeKind> {
  readonly [scopeBrand]: K;
  readonly kind: K;
  readonly domainId: string;
  /** Whole domain, or nothing at all. Later kinds (records, spaces) add SQL predicates. */
  readonly all: boolean;
}

const READ_ACTION = {
  users: 'directory.read',
  groups: 'directory.read',
  organizations: 'directory.read',
  audit: 'audit.read',
  outbox: 'outbox.read',
  // Until spaces exist every regular user reads every deployed app (kintone's default ACL).
  apps: 'app.read',
} as const;

export function scope<K extends ScopeKind>(actor: Actor, kind: K): Scope<K> {
  const role = roleOf(actor);
  const all = role !== null && roleMay(role, READ_ACTION[kind]);
  return { kind, domainId: actor.domainId, all } as Scope<K>;
}
