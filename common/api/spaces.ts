// Spaces: kintone's space.json, space/body.json, space/members.json (and our POST space.json,
// which kintone lacks), cover, join and leave, and our portal list with favourites. Request
// schemas shared by the server, the web client and the tests. Objects strip unknown keys, so
// `isGuest`, `creator` or `code` sent to an update are never read (probe S3).
import { z } from 'zod';
import { boolParam, codeRef, intParam, listParam, numericId } from './params.js';

export const SPACE_PATH = '/k/v1/space.json';
export const SPACE_BODY_PATH = '/k/v1/space/body.json';
export const SPACE_MEMBERS_PATH = '/k/v1/space/members.json';
export const SPACE_COVER_PATH = '/k/v1/space/cover.json';
export const SPACE_JOIN_PATH = '/k/v1/space/join.json';
export const SPACE_LEAVE_PATH = '/k/v1/space/leave.json';
/** Ours: the spaces of the portal, and favourites. */
export const MY_SPACES_PATH = '/v1/spaces.json';
export const SPACE_FAVOURITE_PATH = '/v1/spaces/favourite.json';

export const MAX_SPACE_NAME = 128;
/** kintone names no cap; this one bounds the work of one request. */
export const MAX_SPACE_MEMBERS = 1000;
export const MAX_SPACE_BODY = 100_000;

/** The preset cover pictures the web app serves (`coverKey` of a PRESET cover). */
export const SPACE_COVER_PRESETS = ['GREEN', 'BLUE', 'RED', 'ORANGE', 'YELLOW', 'PURPLE', 'GRAY'] as const;
export const DEFAULT_SPACE_COVER = SPACE_COVER_PRESETS[0];

export const spaceEntityType = z.enum(['USER', 'GROUP', 'ORGANIZATION']);
export type SpaceEntityType = z.output<typeof spaceEntityType>;

export const spaceMemberInput = z.object({
  entity: z.object({ type: spaceEntityType, code: codeRef }),
  isAdmin: boolParam.optional(),
  /** Departments only: members of the departments below count too. */
  includeSubs: boolParam.optional(),
});
export type SpaceMemberInput = z.output<typeof spaceMemberInput>;

const spaceMembers = listParam(spaceMemberInput, MAX_SPACE_MEMBERS).min(1);

const spaceName = z.string().trim().min(1).max(MAX_SPACE_NAME);
const spaceBody = z.string().max(MAX_SPACE_BODY);

export const createSpaceInput = z.object({
  name: spaceName,
  isGuest: boolParam.optional(),
  isPrivate: boolParam.optional(),
  members: spaceMembers,
  useMultiThread: boolParam.optional(),
  fixedMember: boolParam.optional(),
  body: spaceBody.optional(),
});
export type CreateSpaceInput = z.output<typeof createSpaceInput>;

export const spaceIdParam = z.object({ id: numericId });

const createAppPermission = z.enum(['EVERYONE', 'ADMIN']);

export const updateSpaceInput = z.object({
  id: numericId,
  name: spaceName.optional(),
  isPrivate: boolParam.optional(),
  useMultiThread: boolParam.optional(),
  fixedMember: boolParam.optional(),
  showAnnouncement: boolParam.optional(),
  showThreadList: boolParam.optional(),
  showAppList: boolParam.optional(),
  showMemberList: boolParam.optional(),
  showRelatedLinkList: boolParam.optional(),
  permissions: z.object({ createApp: createAppPermission }).optional(),
});
export type UpdateSpaceInput = z.output<typeof updateSpaceInput>;

export const updateSpaceBodyInput = z.object({ id: numericId, body: spaceBody });

export const updateSpaceMembersInput = z.object({ id: numericId, members: spaceMembers });

/** PRESET names one of SPACE_COVER_PRESETS in `coverKey`; BLOB an upload (POST file.json) in `fileKey`. */
export const updateSpaceCoverInput = z.object({
  id: numericId,
  coverType: z.enum(['PRESET', 'BLOB']),
  coverKey: z.enum(SPACE_COVER_PRESETS).optional(),
  fileKey: z.string().min(1).max(100).optional(),
});
export type UpdateSpaceCoverInput = z.output<typeof updateSpaceCoverInput>;

export const listMySpacesInput = z.object({
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 100).default(100),
});

export const setFavouriteInput = z.object({ id: numericId, favourite: boolParam });

export interface SpaceEntityJson {
  type: SpaceEntityType;
  code: string;
}

export interface SpaceMemberJson {
  entity: SpaceEntityJson;
  isAdmin: boolean;
  isImplicit: boolean;
  /** Present on departments only, as kintone answers. */
  includeSubs?: boolean;
}

export interface AttachedAppJson {
  appId: string;
  code: string;
  name: string;
  description: string;
  threadId: string | null;
  createdAt: string;
  creator: { code: string; name: string };
  modifiedAt: string;
  modifier: { code: string; name: string };
}

export interface SpaceJson {
  id: string;
  name: string;
  defaultThread: string;
  isPrivate: boolean;
  creator: { code: string; name: string };
  modifier: { code: string; name: string };
  memberCount: string;
  coverType: 'PRESET' | 'BLOB';
  coverKey: string;
  coverUrl: string;
  body: string | null;
  useMultiThread: boolean;
  isGuest: boolean;
  attachedApps: AttachedAppJson[];
  fixedMember: boolean;
  showAnnouncement: boolean;
  showThreadList: boolean;
  showAppList: boolean;
  showMemberList: boolean;
  /** null in a single-thread space, as kintone answers. */
  showRelatedLinkList: boolean | null;
  permissions: { createApp: 'EVERYONE' | 'ADMIN' };
}

export type SpaceRoleJson = 'admin' | 'member' | 'guest' | 'visitor';

export interface MySpaceJson {
  id: string;
  name: string;
  isGuest: boolean;
  isPrivate: boolean;
  isFavourite: boolean;
  role: SpaceRoleJson;
  coverType: 'PRESET' | 'BLOB';
  coverKey: string;
}
