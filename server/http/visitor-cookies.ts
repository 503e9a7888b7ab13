// The cookies of public-view visitors, each scoped to one view's path (`/public/{token}`) and
// never the app's own: the password unlock, the e-mail session, and the browser cookie a sign-in
// link is bound to (set when the link is asked for, needed when it is used: P11).
//
// A view that other sites may show in a frame (frameAncestors) sends them SameSite=None and
// Partitioned where cookies are Secure (https, or localhost): a browser then keeps the sign-in for
// the frame — in a jar of the framing site's own (CHIPS), so it is sent only inside that site's
// frames and to the view opened by itself, never to a third site's page. A view nobody may frame
// keeps SameSite=Lax.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { publicViewPath } from '../../common/api/public-views.js';
import type { Config } from '../config.js';

export function emailSessionCookieName(config: Readonly<Config>): string {
  return config.secureCookies ? '__Secure-engawa_pvm' : 'engawa_pvm';
}

export function signInBrowserCookieName(config: Readonly<Config>): string {
  return config.secureCookies ? '__Secure-engawa_pvb' : 'engawa_pvb';
}

/** The password unlock's cookie. */
export function visitorCookieName(config: Readonly<Config>): string {
  return config.secureCookies ? '__Secure-engawa_pv' : 'engawa_pv';
}

interface FramedView {
  frameAncestors?: readonly string[] | null;
}

/** The attributes of a visitor cookie of `view` (at `/public/{token}`), for setting and clearing alike. */
export function viewCookieOptions(config: Readonly<Config>, view: FramedView, token: string): CookieSerializeOptions {
  const framed = config.secureCookies && (view.frameAncestors?.length ?? 0) > 0;
  return {
    path: publicViewPath(token),
    httpOnly: true,
    secure: config.secureCookies,
    ...(framed ? { sameSite: 'none' as const, partitioned: true } : { sameSite: 'lax' as const }),
  };
}

export function setViewCookie(reply: FastifyReply, config: Readonly<Config>, view: FramedView, name: string, value: string, token: string, maxAgeMs: number): void {
  reply.setCookie(name, value, { ...viewCookieOptions(config, view, token), maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)) });
}

export function clearViewCookie(reply: FastifyReply, config: Readonly<Config>, view: FramedView, name: string, token: string): void {
  reply.clearCookie(name, viewCookieOptions(config, view, token));
}
