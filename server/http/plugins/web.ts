// The browser app (web/, built by Vite into dist/web). Hashed files under /assets/ are cached
// for a year; every page a browser opens outside the API gets index.html, revalidated each time,
// so deep links survive a reload. The hook runs after tenancy (a host no domain answers still
// gets 421) and before authentication: a page or a script is the same for everyone, and a
// session that may only change its password or enrol TOTP must still load the app that lets it.
// Without a build (tests that never ran Vite) nothing is served and the API is unchanged. The two
// HTML entries are served from memory (web-pages.ts); the rest by @fastify/static.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WebPages, sendPage } from './web-pages.js';

/** Where `npm run build:web` writes the app: `<repo>/dist/web`. */
export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../../dist/web');

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unhashed files beside index.html (the icon): cached briefly, as their names never change. */
const SHORT = 'public, max-age=3600';
const ASSET = /^\/assets\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const TOP_FILE = /^\/[A-Za-z0-9][A-Za-z0-9_-]*\.(?:svg|ico|png|txt|webmanifest)$/;
/**
 * A public view's pages (`/public/{token}`, `/public/{token}/records/7`…): the visitors' own small
 * entry, public.html, never the signed-in app. Its data comes from the `.json` routes beside them.
 */
const VISITOR_PAGE = /^\/public\/[A-Za-z0-9_-]{43}(?:\/[A-Za-z0-9_-]{1,64}){0,4}\/?$/;
const VISITOR_HTML = 'public.html';
/**
 * Pages opened from a mailed link whose path holds a secret token (an invitation, a password or
 * allow-list reset), and the token-less addresses they move to once loaded: the token must reach
 * no other site through the Referer (probe I6).
 */
const LINK_PAGE = /^\/(?:invitations|password-reset|allow-list-reset)(?:\/[^/]*)?\/?$/;

/**
 * The first path segments the API owns (`/k/…`, `/v1/…`, `/api/…`, `/healthz`), taken from the
 * route table so a new prefix can never be swallowed by the app. `/k` is kept whatever the table
 * says: kintone's pages live under it, and its guest APIs are derived from `/k/v1/`.
 */
export function apiPrefixes(urls: readonly string[]): Set<string> {
  const out = new Set(['k']);
  for (const url of urls) {
    const first = url.split('/')[1];
    if (first) out.add(first);
  }
  return out;
}

export function isApiPath(pathname: string, prefixes: ReadonlySet<string>): boolean {
  const first = pathname.split('/')[1] ?? '';
  return prefixes.has(first) || pathname.endsWith('.json');
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function send(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('vary', 'accept-encoding');
  // cacheControl: false leaves ours alone; ETag and Last-Modified still allow a 304.
  return reply.sendFile(file, { cacheControl: false });
}

/**
 * Serves the app from `root` when it holds a build. Call after tenancy and before
 * authentication (see the top of this file).
 */
export async function registerWeb(app: FastifyInstance, root: string | null, routeUrls: readonly string[]): Promise<boolean> {
  if (!root || !existsSync(path.join(root, 'index.html'))) return false;
  // preCompressed: the build writes .br and .gz beside each text file (web/vite.config.ts), so a
  // phone on a slow link gets them without the server compressing on every request.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, dotfiles: 'deny', index: false });
  const prefixes = apiPrefixes(routeUrls);
  const pages = new WebPages(root);

  app.addHook('onRequest', async (request, reply) => {
    // Only requests no route answers: the API's own routes never reach this.
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const pathname = request.url.split('?')[0] ?? '/';
    const visitorPage = VISITOR_PAGE.test(pathname) && acceptsHtml(request) ? pages.get(VISITOR_HTML) : null;
    if (visitorPage) {
      // The URL is the view's secret: the page hands it to nobody (plugins/public-pages.ts).
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(request, reply, visitorPage);
    }
    if (isApiPath(pathname, prefixes)) return;
    if (ASSET.test(pathname) || TOP_FILE.test(pathname)) {
      const file = pathname.slice(1);
      if (!(await isFile(path.join(root, file)))) return; // the API's JSON 404
      // Returning the reply makes Fastify wait for the file to go out and skip the 404 handler.
      return send(reply, file, pathname.startsWith('/assets/') ? IMMUTABLE : SHORT);
    }
    if (!acceptsHtml(request)) return;
    const index = pages.get('index.html');
    if (!index) return;
    if (LINK_PAGE.test(pathname)) reply.header('referrer-policy', 'no-referrer');
    return sendPage(request, reply, index);
  });
  return true;
}
