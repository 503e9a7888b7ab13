import type { DbBool, DbJson, DbTime } from '../dialect.js';

/** One space or guest space (see migrations/0014-spaces.ts). */
export interface SpacesTable {
  domainId: string;
  id: number;
  name: string;
  isGuest: DbBool;
  isPrivate: DbBool;
  useMultiThread: DbBool;
  fixedMember: DbBool;
  showAnnouncement: DbBool;
  showThreadList: DbBool;
  showAppList: DbBool;
  showMemberList: DbBool;
  showRelatedLinkList: DbBool;
  createApp: 'EVERYONE' | 'ADMIN';
  body: string | null;
  coverType: 'PRESET' | 'BLOB';
  coverKey: string;
  defaultThreadId: number | null;
  relatedLinks: DbJson;
  creatorId: number;
  createdAt: DbTime;
  modifierId: number;
  modifiedAt: DbTime;
}

export type MemberEntityType = 'USER' | 'GROUP' | 'ORGANIZATION';

export interface SpaceMembersTable {
  domainId: string;
  spaceId: number;
  entityType: MemberEntityType;
  entityId: number;
  isAdmin: DbBool;
  includeSubs: DbBool;
}

export interface SpaceGuestsTable {
  domainId: string;
  spaceId: number;
  userId: number;
  addedAt: DbTime;
}

/** What a guest account has beyond its users row. */
export interface GuestProfilesTable {
  domainId: string;
  userId: number;
  company: string;
  division: string;
  callto: string;
  surNameReading: string;
  givenNameReading: string;
  imageFileId: string | null;
  /** The first sign-in: a guest's 30-day trial starts here. */
  firstLoginAt: DbTime | null;
}

export interface SpaceThreadsTable {
  domainId: string;
  id: number;
  spaceId: number;
  name: string;
  body: string | null;
  creatorId: number;
  createdAt: DbTime;
  modifierId: number;
  modifiedAt: DbTime;
}

export interface ThreadFollowersTable {
  domainId: string;
  threadId: number;
  userId: number;
}

export interface ThreadCommentsTable {
  domainId: string;
  id: number;
  spaceId: number;
  threadId: number;
  /** The comment this one replies to. */
  parentId: number | null;
  text: string;
  mentions: DbJson;
  files: DbJson;
  likeCount: number;
  creatorId: number;
  createdAt: DbTime;
}

export interface ThreadCommentLikesTable {
  domainId: string;
  commentId: number;
  userId: number;
  createdAt: DbTime;
}

export interface SpaceTemplatesTable {
  domainId: string;
  id: number;
  name: string;
  definition: DbJson;
  creatorId: number;
  createdAt: DbTime;
}

export interface SpaceFavouritesTable {
  domainId: string;
  userId: number;
  spaceId: number;
  createdAt: DbTime;
}
