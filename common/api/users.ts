// /v1/users.json — the cybozu User API shape, as administrators' scripts already use it.
import { z } from 'zod';
import { boolParam, directoryCode, intParam, listParam, localeParam, numericId } from './params.js';

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

export const newUser = z.object({
  code: loginName,
  name: displayName,
  email: z.email().max(256),
  password: z.string().min(1).max(1024),
  locale: localeParam.optional(),
  timezone: timezone.optional(),
  valid: boolParam.optional(),
  isAdmin: boolParam.optional(),
  description: z.string().max(10_000).optional(),
  phone: z.string().max(64).optional(),
  sortOrder: intParam(0, 1_000_000_000).nullable().optional(),
});
export type NewUser = z.output<typeof newUser>;

export const createUsersInput = z.object({
  users: z.array(newUser).min(1).max(MAX_USERS_PER_CALL),
});

export const userChange = z.object({
  code: z.string().min(1).max(128),
  newCode: loginName.optional(),
  name: displayName.optional(),
  email: z.email().max(256).optional(),
  password: z.string().min(1).max(1024).optional(),
  locale: localeParam.optional(),
  timezone: timezone.optional(),
  valid: boolParam.optional(),
  isAdmin: boolParam.optional(),
  description: z.string().max(10_000).optional(),
  phone: z.string().max(64).optional(),
  sortOrder: intParam(0, 1_000_000_000).nullable().optional(),
});
export type UserChange = z.output<typeof userChange>;

export const updateUsersInput = z.object({
  users: z.array(userChange).min(1).max(MAX_USERS_PER_CALL),
});

export const deleteUsersInput = z.object({
  codes: listParam(z.string().min(1).max(128), MAX_USERS_PER_CALL).min(1),
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
