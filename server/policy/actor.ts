// Everyone who can send a request is an Actor. Guests, API tokens and public-view visitors go
// through the same rules as users; there is no side path.
import type { Locale, Role } from '../../common/access.js';

interface Base {
  domainId: string;
}

export interface UserActor extends Base {
  kind: 'user';
  userId: number;
  code: string;
  name: string;
  isAdmin: boolean;
  locale: Locale;
  /** How this request proved who it is. */
  via: 'session' | 'password';
  sessionIdHash?: string;
}

export interface GuestActor extends Base {
  kind: 'guest';
  userId: number;
  code: string;
  name: string;
  locale: Locale;
  via: 'session' | 'password';
  sessionIdHash?: string;
}

/** One or several API tokens (several: one per app, for lookups and related records). */
export interface ApiTokenActor extends Base {
  kind: 'apiToken';
  /** Token ids in the order sent; the first names the actor in logs and cursors. */
  tokenIds: string[];
  /** Per app: the token's own flags; they replace the app's and records' permissions. */
  apps: ReadonlyMap<number, TokenRights>;
}

export interface TokenRights {
  view: boolean;
  add: boolean;
  edit: boolean;
  delete: boolean;
  manage: boolean;
}

export interface PublicViewerActor extends Base {
  kind: 'publicViewer';
  viewId: string;
  /** Set by the e-mail gate: the verified, normalised address of this view's e-mail session. */
  email?: string;
  /** The registered visitor's attributes (MyPage matching), with `email`. */
  attributes?: Record<string, string>;
}

/** Start-up tasks, operator commands and background jobs. */
export interface SystemActor extends Base {
  kind: 'system';
}

export interface AnonymousActor extends Base {
  kind: 'anonymous';
}

export type Actor = UserActor | GuestActor | ApiTokenActor | PublicViewerActor | SystemActor | AnonymousActor;

export type SignedInActor = UserActor | GuestActor;

export function roleOf(actor: Actor): Role | null {
  switch (actor.kind) {
    case 'user':
      return actor.isAdmin ? 'administrator' : 'user';
    case 'guest':
      return 'guest';
    case 'apiToken':
      return 'apiToken';
    case 'publicViewer':
      return 'publicViewer';
    case 'system':
      return 'system';
    case 'anonymous':
      return null;
  }
}

export function systemActor(domainId: string): SystemActor {
  return { kind: 'system', domainId };
}

/** What the audit log records of an actor: never a secret. */
export function actorRef(actor: Actor): { kind: string; id: string | null; code: string | null } {
  switch (actor.kind) {
    case 'user':
    case 'guest':
      return { kind: actor.kind, id: String(actor.userId), code: actor.code };
    case 'apiToken':
      return { kind: actor.kind, id: actor.tokenIds.join(','), code: null };
    case 'publicViewer':
      return { kind: actor.kind, id: actor.viewId, code: actor.email ?? null };
    default:
      return { kind: actor.kind, id: null, code: null };
  }
}
