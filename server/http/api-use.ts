// The course's REST API rules (COURSE_LIMITS), for requests made with the password header or an
// API token on kintone's paths: the Light course has no API, and the other courses count API
// requests per app per day. kintone's day resets at 09:00 in Japan, which is 00:00 UTC, so the
// counter is keyed by the UTC date. Browser sessions (the web application) are not API use.
// Counts are per process, or shared through Redis when REDIS_URL is set, like every limiter.
import { AppError } from '../domain/app-error.js';
import type { Services } from '../domain/context.js';
import { contractOf, limitsOf } from '../domain/licences/contract.js';
import type { Limiter } from '../infra/limiter.js';
import type { Actor } from '../policy/actor.js';

const DAY_MS = 86_400_000;

function isApiUse(actor: Actor): boolean {
  return actor.kind === 'apiToken' || ((actor.kind === 'user' || actor.kind === 'guest') && actor.via === 'password');
}

/** The app a kintone request is about: `app` in most requests, `id` for app.json. */
function appOf(url: string, input: unknown): number | null {
  if (!input || typeof input !== 'object') return null;
  const { app, id } = input as { app?: unknown; id?: unknown };
  const value = app ?? (url.endsWith('/app.json') ? id : undefined);
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export async function checkApiUse(services: Services, limiter: Limiter, actor: Actor, url: string, input: unknown): Promise<void> {
  if (!isApiUse(actor)) return;
  const limits = limitsOf(await contractOf(services.db, actor.domainId));
  if (!limits.api) throw new AppError('CB_LI07');
  const perDay = limits.apiRequestsPerAppPerDay;
  const app = perDay === null ? null : appOf(url, input);
  if (perDay === null || app === null) return;
  const now = services.clock().getTime();
  const day = new Date(now).toISOString().slice(0, 10);
  const untilReset = DAY_MS - (now % DAY_MS);
  const state = await limiter.hit(`apiday:${actor.domainId}:${app}:${day}`, perDay, untilReset);
  if (!state.allowed) {
    throw new AppError('CB_LI08', { params: { limit: perDay }, headers: { 'retry-after': String(Math.ceil(untilReset / 1000)) } });
  }
}
