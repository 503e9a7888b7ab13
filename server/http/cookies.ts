import type { Config } from '../config.js';

/**
 * `__Host-` cookies must be Secure, which browsers accept over https and on localhost only; on
 * a plain-http intranet address the cookie falls back to an unprefixed, non-Secure name.
 */
export function sessionCookie(config: Readonly<Config>) {
  const secure = config.secureCookies;
  return {
    name: secure ? '__Host-engawa_sid' : 'engawa_sid',
    options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure },
  };
}
