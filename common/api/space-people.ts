// Ours, for the web app's space screens: what the signed-in person may do in a space (so the
// browser shows only the buttons the server would honour), the space's people with their names
// (members — named, or through a group or department — and guests: the member list and the
// mention picker), people a space administrator may add as members, and who liked a thread
// comment.
import { z } from 'zod';
import { intParam, numericId } from './params.js';
import type { SpaceRoleJson } from './spaces.js';

export const SPACE_ACCESS_PATH = '/v1/space/access.json';
export const SPACE_PEOPLE_PATH = '/v1/space/people.json';
export const SPACE_MEMBER_CANDIDATES_PATH = '/v1/space/member-candidates.json';
export const THREAD_COMMENT_LIKERS_PATH = '/v1/space/thread/comment/likes.json';

/** Users listed through a group or department, at most. */
export const MAX_IMPLICIT_PEOPLE = 500;
export const MAX_CANDIDATES = 50;
export const MAX_LIKERS = 100;

export const spaceRefInput = z.object({ id: numericId });

export const memberCandidatesInput = z.object({
  kind: z.enum(['USER', 'GROUP', 'ORGANIZATION']),
  /** Part of the code or the display name; empty lists the first ones. */
  keyword: z.string().trim().max(100).optional(),
  limit: intParam(1, MAX_CANDIDATES).default(20),
});
export type MemberCandidatesInput = z.output<typeof memberCandidatesInput>;

export const likersInput = z.object({ space: numericId, thread: numericId, comment: numericId });

/** What the person may do in the space, as the server's space rules answer. */
export interface SpaceAccessJson {
  role: SpaceRoleJson;
  may: {
    manage: boolean;
    join: boolean;
    leave: boolean;
    links: boolean;
    createApp: boolean;
    createThread: boolean;
    editAnyThread: boolean;
    comment: boolean;
    follow: boolean;
    favourite: boolean;
  };
}

export interface SpacePersonJson {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  code: string;
  name: string;
  isAdmin: boolean;
  /** A user who belongs through a group or department, not by a row of their own. */
  isImplicit: boolean;
  /** Departments only. */
  includeSubs?: boolean;
}

export interface SpaceGuestPersonJson {
  /** The account code (`guest/<e-mail>`), as mentions name a guest. */
  code: string;
  email: string;
  name: string;
  company: string;
  /** false: suspended (listed to space administrators only). */
  valid: boolean;
}

export interface SpacePeopleJson {
  members: SpacePersonJson[];
  guests: SpaceGuestPersonJson[];
  /** More users belong through groups or departments than were listed. */
  truncated: boolean;
}

export interface MemberCandidateJson {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  code: string;
  name: string;
}

export interface LikersJson {
  users: Array<{ code: string; name: string }>;
  likeCount: string;
}
