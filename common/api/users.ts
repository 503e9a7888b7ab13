// /v1/users.json — the cybozu User API shape, as administrators' scripts already use it.
import { z } from 'zod';
import { boolParam, codeRef, directoryCode, intParam, listParam, localeParam, numericId } from './params.js';

export const USERS_PATH = '/v1/users.json';
export const MAX_USERS_PER_CALL = 100;

/** Login names: the directory code rule, which also keeps out `guest/…` (guests' space). */
export const loginName = directoryCode;

const timezone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'invalid');

const displayName = z.string().trim().min(1).max(128);

export const listUsersInput = z.object({
  ids: listParam(numericId, 100).optional(),
  codes: listParam(z.string().max(128), 100).optional(),
  offset: intParam(0, 1_000_000).default(0),
  size: intParam(1, 100).default(100),
});

const userFields = {
  name: displayName,
  email: z.email().max(256),
  password: z.string().min(1).max(1024),
  locale: localeParam,
  timezone,
  valid: boolParam,
  isAdmin: boolParam,
  description: z.string().max(10_000),
  phone: z.string().max(64),
  sortOrder: intParam(0, 1_000_000_000).nullable(),
};

export const newUser = z.object({
  code: loginName,
  ...userFields,
  locale: userFields.locale.optional(),
  timezone: userFields.timezone.optional(),
  valid: userFields.valid.optional(),
  isAdmin: userFields.isAdmin.optional(),
  description: userFields.description.optional(),
  phone: userFields.phone.optional(),
  sortOrder: userFields.sortOrder.optional(),
});
export type NewUser = z.output<typeof newUser>;

export const createUsersInput = z.object({
  users: z.array(newUser).min(1).max(MAX_USERS_PER_CALL),
});

/** A change names the user by its current login name; every other field is optional. */
export const userChange = z.object(userFields).partial().extend({
  code: codeRef,
  newCode: loginName.optional(),
  /** `false` lifts a lockout at once (ours); a lock is only ever set by failed sign-ins. */
  locked: z.literal(false).optional(),
});
export type UserChange = z.output<typeof userChange>;

export const updateUsersInput = z.object({
  users: z.array(userChange).min(1).max(MAX_USERS_PER_CALL),
  /**
   * From a browser session, changing one's own password or e-mail address asks for one's current
   * password (probe A18); other users, other fields, password headers need none.
   */
  currentPassword: z.string().max(1024).optional(),
});

export const deleteUsersInput = z.object({
  codes: listParam(codeRef, MAX_USERS_PER_CALL).min(1),
});

/** One user as the API returns it: ids as strings, times as ISO-8601 UTC. */
export interface UserJson {
  id: string;
  code: string;
  ctime: string;
  mtime: string;
  valid: boolean;
  name: string;
  email: string;
  locale: 'ja' | 'en';
  timezone: string;
  description: string;
  phone: string;
  primaryOrganization: string | null;
  sortOrder: number | null;
  isAdmin: boolean;
  lastLoginAt: string | null;
  locked: boolean;
}

/**
 * Ours, for the administrators' screen: users whose login name, display name or e-mail address
 * contains `q` (case-insensitive for ASCII), optionally only active or suspended ones, in the
 * list's order, with the total for paging. The cybozu User API has neither search nor count.
 */
export const USER_SEARCH_PATH = '/v1/users/search.json';

export const searchUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  valid: boolParam.optional(),
  offset: intParam(0, 1_000_000).default(0),
  size: intParam(1, 100).default(20),
});
export type SearchUsersInput = z.output<typeof searchUsersInput>;

export interface SearchUsersResponse {
  users: UserJson[];
  /** A string, as kintone's counts are. */
  totalCount: string;
}
