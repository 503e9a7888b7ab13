// buildApp assembles the HTTP server; it never listens (main.ts does), so tests drive it with
// inject() or a port of their own.
import { trustedProxies } from './trust-proxy.js';
import type { IncomingMessage } from 'node:http';
import type { ServerOptions } from 'node:https';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import qs from 'qs';
import { newId } from '../../common/ids.js';
import { AppError, type FieldProblem } from '../domain/app-error.js';
import type { Services } from '../domain/context.js';
import { type Limiter, MemoryLimiter } from '../infra/limiter.js';
import { applyMethodOverride, checkMethodOverride } from './method-override.js';
import { registerAuthentication } from './plugins/authenticate.js';
import { registerCsrf } from './plugins/csrf.js';
import { handleFrameworkError, registerErrorHandling } from './plugins/errors.js';
import { registerPublicPages } from './plugins/public-pages.js';
import { registerViewFraming } from './routes/public-visit-framing.js';
import { registerRestrictions } from './plugins/restrictions.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerTenancy } from './plugins/tenancy.js';
import { DEFAULT_WEB_ROOT, registerWeb } from './plugins/web.js';
import { type LiveOptions, registerLiveStreams } from './live-streams.js';
import { registerRoute } from './route.js';
import { routes } from './routes/index.js';
import './types.js';

export interface AppOptions {
  services: Services;
  limiter?: Limiter;
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance'];
  /** Serve HTTPS with these options (client-certificate.ts: httpsOptions); plain HTTP otherwise. */
  https?: ServerOptions | null;
  /** The built web app (plugins/web.ts); null serves none. Default: dist/web, when it exists. */
  webRoot?: string | null;
  /** Live event streams: caps and intervals (tests shorten them); defaults in live-streams.ts. */
  live?: Partial<LiveOptions>;
}

const QUERY_LIMIT = Symbol('engawa.queryLimit');

function parseQuery(s: string): Record<string, unknown> {
  try {
    // qs turns `ids[0]=1` into arrays. Its default arrayLimit (20) would silently turn index 21
    // into an object key; kintone lists go to 100 (apps, ids), and anything longer is refused.
    return qs.parse(s, {
      arrayLimit: 100,
      parameterLimit: 1000,
      depth: 5,
      allowPrototypes: false,
      plainObjects: true,
      throwOnLimitExceeded: true,
    }) as Record<string, unknown>;
  } catch (err) {
    return { [QUERY_LIMIT]: limitProblem(s, err) } as Record<string, unknown>;
  }
}

/** Names the parameter that broke a qs limit, so the CB_VA01 body says what to fix. */
function limitProblem(s: string, err: unknown): Record<string, FieldProblem[]> {
  if (/parameter limit/i.test(err instanceof Error ? err.message : '')) return { query: [{ key: 'tooMany', params: { n: 1000 } }] };
  const tooMany: FieldProblem[] = [{ key: 'tooMany', params: { n: 100 } }];
  const counts = new Map<string, number>();
  for (const part of s.split('&')) {
    const m = /^([^[\]=]+)(?:\[|%5B)(\d*)(?:\]|%5D)/i.exec(part);
    if (!m) continue;
    const name = m[1]!;
    const n = (counts.get(name) ?? 0) + 1;
    if ((m[2] !== '' && Number(m[2]) >= 100) || n > 100) return { [name]: tooMany };
    counts.set(name, n);
  }
  return { query: tooMany };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const config = services.config;
  const logger = options.logger ?? false;
  const app = Fastify({
    ...(logger && typeof logger === 'object' && 'child' in logger
      ? { loggerInstance: logger as FastifyServerOptions['loggerInstance'] }
      : { logger: logger as FastifyServerOptions['logger'] }),
    ...(options.https ? { https: options.https } : {}),
    genReqId: () => newId('req'),
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { querystringParser: parseQuery, maxParamLength: 500 },
    rewriteUrl: (req: IncomingMessage) => {
      applyMethodOverride(req);
      return req.url ?? '/';
    },
    connectionTimeout: 0,
    requestTimeout: 120_000,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: handleFrameworkError,
  } as unknown as FastifyServerOptions);

  // kintone clients send JSON bodies with GET; let Fastify parse them like any other body.
  app.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  app.removeContentTypeParser('text/plain');

  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined && !route.url.startsWith('*')) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access)`);
    }
  });

  registerErrorHandling(app);
  await app.register(cookie);
  registerSecurityHeaders(app);

  // Multipart bodies are streamed by the routes that take them (file uploads), within these
  // limits, and never buffered; no other route accepts one (F5).
  await app.register(multipart, {
    limits: {
      files: 1,
      fileSize: config.fileMaxBytes,
      fields: 10,
      parts: 12,
      headerPairs: 100,
      fieldSize: 8 * 1024,
    },
  });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !request.routeOptions.config?.multipart) throw new AppError('CB_UT01');
  });

  // Each request is handled one turn of the event loop after it is read (setImmediate): under
  // load, the requests read together are then answered together, and the answers leave in a
  // burst rather than one by one between reads. Measured with bench/public-views (load generator
  // on the same machine, over loopback as behind a local proxy): the same cached page costs 40%
  // less CPU per request (the kernel's share of writing answers, 26% of the process's time one by
  // one, fell to 18% with half again as many answers), at no cost when idle.
  app.addHook('onRequest', (_request, _reply, done) => {
    setImmediate(done);
  });
  app.addHook('onRequest', async (request) => {
    checkMethodOverride(request);
    const limit = (request.query as Record<symbol, Record<string, FieldProblem[]> | undefined>)[QUERY_LIMIT];
    if (limit) throw new AppError('CB_VA01', { errors: limit });
  });
  registerTenancy(app, services);
  // The web app's pages and files: after tenancy, before authentication (plugins/web.ts).
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serving = await registerWeb(app, webRoot, routes.map((r) => r.url));
  if (!serving && webRoot) app.log.warn({ webRoot }, 'web app not built: run `npm run build:web`');
  const limiter = options.limiter ?? new MemoryLimiter();
  registerPublicPages(app, config);
  registerViewFraming(app, services);
  registerRestrictions(app, services, limiter);
  registerAuthentication(app, services, limiter);
  registerCsrf(app, config);

  // While shutting down, answers to in-flight requests close their connection, so a client's
  // keep-alive socket cannot hold the process open after the last answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  registerLiveStreams(app, services, options.live);
  for (const spec of routes) registerRoute(app, services, limiter, spec);
  return app;
}
