// Guest accounts: kintone's guests.json and space/guests.json, and ours for administrators (the
// guest list, suspension) and for everyone signed in (their own profile and password).
import { z } from 'zod';
import type { LicenceState } from '../licences/guest-licence.js';
import { boolParam, intParam, listParam, numericId } from './params.js';
import { newUser } from './users.js';

/** kintone's: plain path only (`guest: false`). */
export const GUESTS_PATH = '/k/v1/guests.json';
/** kintone's: served for a guest space under `/k/guest/{id}/v1/space/guests.json`. */
export const SPACE_GUESTS_PATH = '/k/v1/space/guests.json';
/** Ours, administrators: the guest list and suspension. */
export const GUEST_LIST_PATH = '/v1/guests.json';
export const GUEST_STATUS_PATH = '/v1/guests/status.json';
/** Ours, the signed-in user or guest. */
export const MY_PROFILE_PATH = '/v1/me/profile.json';
export const MY_PASSWORD_PATH = '/v1/me/password.json';

export const MAX_GUESTS_PER_CALL = 100;
/** PUT space/guests replaces the whole list; kintone names no cap, this one bounds the work. */
export const MAX_SPACE_GUESTS = 1000;

/**
 * A guest's e-mail address, which is also its login. ASCII only (zod's rule): look-alike
 * letters, full-width `＠`, zero-width characters and a trailing dot are refused rather than
 * matched to anyone (probe I10). Case does not matter; the account key is lower-cased. At most
 * 250 characters, so that `guest/<e-mail>` fits the 256 sign-in reads of a login.
 */
export const guestEmail = z.string().trim().max(250).pipe(z.email());

/** An address that names an existing guest: looked up, never stored. */
export const guestRef = z.string().trim().min(1).max(254);

/** kintone's locale choices; `auto` and `zh` become the domain's default (we speak ja and en). */
export const guestLocale = z.enum(['auto', 'en', 'zh', 'ja']);

const profileFields = {
  name: newUser.shape.name,
  timezone: newUser.shape.timezone.unwrap(),
  locale: guestLocale,
  surNameReading: z.string().max(64),
  givenNameReading: z.string().max(64),
  company: z.string().max(100),
  division: z.string().max(100),
  phone: z.string().max(100),
  callto: z.string().max(256),
};

export const newGuest = z.object({
  ...profileFields,
  code: guestEmail,
  password: z.string().min(1).max(1024),
  locale: guestLocale.optional(),
  /** The fileKey of an upload (POST file.json) to use as the guest's picture. */
  image: z.string().max(100).optional(),
  surNameReading: profileFields.surNameReading.optional(),
  givenNameReading: profileFields.givenNameReading.optional(),
  company: profileFields.company.optional(),
  division: profileFields.division.optional(),
  phone: profileFields.phone.optional(),
  callto: profileFields.callto.optional(),
});
export type NewGuest = z.output<typeof newGuest>;

export const addGuestsInput = z.object({
  guests: z.array(newGuest).min(1).max(MAX_GUESTS_PER_CALL),
});

export const deleteGuestsInput = z.object({
  guests: listParam(guestRef, MAX_GUESTS_PER_CALL).min(1),
});

export const spaceGuestsInput = z.object({
  id: numericId,
  guests: listParam(guestRef, MAX_SPACE_GUESTS),
});

export const guestStatusInput = z.object({
  guests: z.array(z.object({ code: guestRef, valid: boolParam })).min(1).max(MAX_GUESTS_PER_CALL),
});
export type GuestStatusChange = z.output<typeof guestStatusInput>['guests'][number];

export const listGuestsInput = z.object({
  /** E-mail addresses, to pick out some guests. */
  codes: listParam(guestRef, MAX_GUESTS_PER_CALL).optional(),
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 100).default(100),
});

/**
 * A change to one's own profile; every field optional. Users have name, time zone, locale and
 * phone; the rest are a guest's (a user sending them gets CB_VA01). `image: null` removes the
 * picture.
 */
export const profileChangeInput = z
  .object({ ...profileFields, image: z.string().max(100).nullable() })
  .partial();
export type ProfileChange = z.output<typeof profileChangeInput>;

/** Fields only a guest's profile has. */
export const GUEST_ONLY_FIELDS = ['surNameReading', 'givenNameReading', 'company', 'division', 'callto', 'image'] as const;

export const passwordChangeInput = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1),
});

/** One guest in the administrators' list: ids as strings, times as ISO-8601 UTC. */
export interface GuestJson {
  id: string;
  code: string;
  name: string;
  email: string;
  company: string;
  division: string;
  phone: string;
  callto: string;
  surNameReading: string;
  givenNameReading: string;
  locale: 'ja' | 'en';
  timezone: string;
  valid: boolean;
  lastLoginAt: string | null;
  firstLoginAt: string | null;
  ctime: string;
  spaces: Array<{ id: string; name: string }>;
  /** Trial (with its last day once started), Required, or Not required (suspended). */
  licence: { state: LicenceState; trialEnds: string | null };
}

export interface ProfileImageJson {
  name: string;
  contentType: string;
  size: string;
}

/** GET /v1/me/profile.json. */
export type ProfileJson =
  | { kind: 'user'; code: string; name: string; email: string; locale: 'ja' | 'en'; timezone: string; phone: string }
  | {
      kind: 'guest';
      code: string;
      name: string;
      email: string;
      locale: 'ja' | 'en';
      timezone: string;
      phone: string;
      company: string;
      division: string;
      callto: string;
      surNameReading: string;
      givenNameReading: string;
      image: ProfileImageJson | null;
    };
