// Who an actor is in a space, and what each role may do there. Pure: the space's facts and its
// member rows arrive as arguments (server/domain/spaces/space-access.ts loads them once per
// directory version). The table is exhaustive: a new SpaceAction does not compile until every
// role has an answer.
import { EVERYONE } from '../../common/api/acl.js';
import type { Actor } from './actor.js';
import { type Principal, namesPrincipal } from './principal.js';

export interface SpaceFacts {
  id: number;
  isGuest: boolean;
  isPrivate: boolean;
  fixedMember: boolean;
  /** Who may create apps in the space: everyone who is a member, or space admins only. */
  createApp: 'EVERYONE' | 'ADMIN';
}

export interface SpaceMemberRow {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  /** codeKey of the user, group or department ('everyone': the group of every user). */
  code: string;
  isAdmin: boolean;
  includeSubs: boolean;
}

/**
 * - admin: a space administrator (or a domain administrator, who may manage every space);
 * - member: named by a member row (as a user, or through a group or department);
 * - guest: a guest account added to this guest space;
 * - visitor: a user who is not a member of a public (not private, not guest) space.
 */
export type SpaceRole = 'admin' | 'member' | 'guest' | 'visitor';

export type SpaceAction =
  | 'space.read' // the space, its body, members, threads, comments, apps and search
  | 'space.manage' // settings, body, cover, members, guests, delete
  | 'space.join' // become a member of a public space (unless membership is fixed)
  | 'space.leave' // stop being a member (unless membership is fixed)
  | 'space.links' // add and remove related apps and spaces
  | 'space.createApp' // create an app in the space (also needs app.create and the space's setting)
  | 'space.favourite'
  | 'thread.create'
  | 'thread.editOwn' // edit or delete a thread one created
  | 'thread.editAny' // edit or delete anyone's thread
  | 'thread.comment' // post, reply, like, mention
  | 'thread.follow'; // follow and unfollow (unless membership is fixed)

export const SPACE_ACTIONS: readonly SpaceAction[] = [
  'space.read',
  'space.manage',
  'space.join',
  'space.leave',
  'space.links',
  'space.createApp',
  'space.favourite',
  'thread.create',
  'thread.editOwn',
  'thread.editAny',
  'thread.comment',
  'thread.follow',
];

const SPACE_ROLE_ACTIONS = {
  admin: {
    'space.read': true,
    'space.manage': true,
    'space.join': false,
    'space.leave': true,
    'space.links': true,
    'space.createApp': true,
    'space.favourite': true,
    'thread.create': true,
    'thread.editOwn': true,
    'thread.editAny': true,
    'thread.comment': true,
    'thread.follow': true,
  },
  member: {
    'space.read': true,
    'space.manage': false,
    'space.join': false,
    'space.leave': true,
    'space.links': true,
    'space.createApp': true,
    'space.favourite': true,
    'thread.create': true,
    'thread.editOwn': true,
    'thread.editAny': false,
    'thread.comment': true,
    'thread.follow': true,
  },
  // features.md A3: a guest reads, posts and keeps its own threads; nothing about the space itself.
  guest: {
    'space.read': true,
    'space.manage': false,
    'space.join': false,
    'space.leave': false,
    'space.links': false,
    'space.createApp': false,
    'space.favourite': true,
    'thread.create': true,
    'thread.editOwn': true,
    'thread.editAny': false,
    'thread.comment': true,
    'thread.follow': true,
  },
  // A public space is open to every user: they read and comment, and may join.
  visitor: {
    'space.read': true,
    'space.manage': false,
    'space.join': true,
    'space.leave': false,
    'space.links': false,
    'space.createApp': false,
    'space.favourite': true,
    'thread.create': false,
    'thread.editOwn': false,
    'thread.editAny': false,
    'thread.comment': true,
    'thread.follow': true,
  },
} as const satisfies Record<SpaceRole, Record<SpaceAction, boolean>>;

/** The actor's role in a space, or null when the space is not theirs to see at all. */
export function spaceRoleOf(
  actor: Actor,
  principal: Principal | null,
  space: SpaceFacts,
  members: readonly SpaceMemberRow[],
  guests: ReadonlySet<number>,
): SpaceRole | null {
  if (actor.kind === 'guest') return space.isGuest && guests.has(actor.userId) ? 'guest' : null;
  if (actor.kind === 'system') return 'admin';
  if (actor.kind !== 'user') return null;
  let role: SpaceRole | null = null;
  if (principal) {
    for (const m of members) {
      if (!namesPrincipal(principal, { type: m.type, code: m.code }, m.includeSubs, EVERYONE)) continue;
      if (m.isAdmin) return 'admin';
      role = 'member';
    }
  }
  if (actor.isAdmin) return 'admin';
  if (role) return role;
  return space.isGuest || space.isPrivate ? null : 'visitor';
}

/** What a role may do in a space, with the space's own switches applied. */
export function spaceMay(role: SpaceRole | null, action: SpaceAction, space: SpaceFacts): boolean {
  if (role === null) return false;
  if (!SPACE_ROLE_ACTIONS[role][action]) return false;
  switch (action) {
    case 'space.join':
    case 'space.leave':
    case 'thread.follow':
      // Fixed membership: nobody joins, leaves, follows or unfollows on their own (features A1).
      return !space.fixedMember;
    case 'space.createApp':
      return role === 'admin' || space.createApp === 'EVERYONE';
    default:
      return true;
  }
}

/** Whether apps, threads and files of the space are within the actor's reach. */
export function seesSpace(role: SpaceRole | null): role is SpaceRole {
  return role !== null;
}
