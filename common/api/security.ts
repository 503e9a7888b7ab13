// The domain's security settings (administrators): password policy, second factors, and the
// access restrictions that apply to regular users only. Stored in domains.settings.security;
// what is absent takes the defaults below, so a fresh domain restricts nothing beyond the
// install's PASSWORD_MIN_LENGTH.
import { z } from 'zod';
import { boolParam, intParam } from './params.js';

export const SECURITY_SETTINGS_PATH = '/v1/security/settings.json';

/** At most this many allow-list entries. */
export const MAX_ALLOWED_ADDRESSES = 500;

export const passwordPolicyInput = z.object({
  /** 0: the install's PASSWORD_MIN_LENGTH. */
  minLength: intParam(0, 128).optional(),
  /** How many of the four kinds (lower case, upper case, digits, symbols) a password must mix. */
  requiredKinds: intParam(0, 4).optional(),
  /** A new password may not repeat any of the last N (0: no rule). */
  reuseCount: intParam(0, 24).optional(),
  /** Days after which a password must be changed (0: never). */
  expiryDays: intParam(0, 3650).optional(),
});

export const securitySettingsInput = z.object({
  passwordPolicy: passwordPolicyInput.optional(),
  /** Users may reset a forgotten password by e-mail (guests always may). */
  allowPasswordReset: boolParam.optional(),
  /** Every guest sign-in asks for a one-time code sent by e-mail. */
  guestTwoStep: boolParam.optional(),
  /** Every regular user must use TOTP two-factor authentication. */
  requireTotp: boolParam.optional(),
  ipRestriction: z
    .object({
      enabled: boolParam.optional(),
      /** IPv4/IPv6 addresses, CIDR ranges and `first~last` spans (checked by the server: ipaddr.js). */
      allow: z.array(z.string().trim().min(1).max(100)).max(MAX_ALLOWED_ADDRESSES).optional(),
    })
    .optional(),
  /** A shared user and password asked (HTTP Basic) of requests from outside the allow-list. */
  basicGate: z
    .object({
      enabled: boolParam.optional(),
      user: z.string().trim().min(1).max(64).regex(/^[^:]+$/, 'invalid').optional(),
      password: z.string().min(8).max(256).optional(),
    })
    .optional(),
  /** Requests from outside the allow-list must present a client certificate issued to the user. */
  secureAccess: z.object({ enabled: boolParam.optional() }).optional(),
});
export type SecuritySettingsInput = z.output<typeof securitySettingsInput>;

/** The settings as stored and as administrators read them (never the Basic gate's password). */
export interface SecuritySettings {
  passwordPolicy: { minLength: number; requiredKinds: number; reuseCount: number; expiryDays: number };
  allowPasswordReset: boolean;
  guestTwoStep: boolean;
  requireTotp: boolean;
  ipRestriction: { enabled: boolean; allow: string[] };
  basicGate: { enabled: boolean; user: string; passwordSet: boolean };
  secureAccess: { enabled: boolean };
}

export const DEFAULT_SECURITY: SecuritySettings = {
  passwordPolicy: { minLength: 0, requiredKinds: 0, reuseCount: 0, expiryDays: 0 },
  allowPasswordReset: true,
  guestTwoStep: false,
  requireTotp: false,
  ipRestriction: { enabled: false, allow: [] },
  basicGate: { enabled: false, user: '', passwordSet: false },
  secureAccess: { enabled: false },
};
