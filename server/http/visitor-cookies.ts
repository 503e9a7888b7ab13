// The cookies of public-view visitors' e-mail sign-in, each scoped to one view's path
// (`/public/{token}`) and never the app's own: the e-mail session, and the browser cookie a
// sign-in link is bound to (set when the link is asked for, needed when it is used: P11).
import type { FastifyReply } from 'fastify';
import { publicViewPath } from '../../common/api/public-views.js';
import type { Config } from '../config.js';

export function emailSessionCookieName(config: Readonly<Config>): string {
  return config.secureCookies ? '__Secure-engawa_pvm' : 'engawa_pvm';
}

export function signInBrowserCookieName(config: Readonly<Config>): string {
  return config.secureCookies ? '__Secure-engawa_pvb' : 'engawa_pvb';
}

export function setViewCookie(reply: FastifyReply, config: Readonly<Config>, name: string, value: string, token: string, maxAgeMs: number): void {
  reply.setCookie(name, value, {
    path: publicViewPath(token),
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
  });
}
