// What the routes of e-mailed links share (password reset, allow-list reset): the token from the
// path, a budget of wrong links per address, and a floor on the time an "ask for a link" request
// takes, so that whether anything was sent cannot be timed.
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../common/errors.js';
import { AppError } from '../domain/app-error.js';
import type { Limiter } from '../infra/limiter.js';
import { peerKey } from './throttle.js';

/** Wrong links from one address per minute before 429. */
const TOKEN_FAILURES_PER_MINUTE = 20;
/** Every request for a link answers no sooner than this. */
const ANSWER_FLOOR_MS = 250;

export function tokenOf(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown }).token;
  return typeof token === 'string' ? token : '';
}

/** Runs `fn`, counting `invalid` answers per address; 429 once an address has guessed too often. */
export async function guardedLink<T>(
  limiter: Limiter,
  request: FastifyRequest,
  key: string,
  invalid: ErrorCode,
  fn: () => Promise<T>,
): Promise<T> {
  const budgetKey = `${key}:${peerKey(request)}`;
  const budget = await limiter.peek(budgetKey, TOKEN_FAILURES_PER_MINUTE);
  if (!budget.allowed) {
    throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000))) } });
  }
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === invalid) await limiter.hit(budgetKey, TOKEN_FAILURES_PER_MINUTE, 60_000);
    throw err;
  }
}

/** Waits until ANSWER_FLOOR_MS have passed since `started` (a performance.now() reading). */
export async function answerFloor(started: number): Promise<void> {
  const wait = ANSWER_FLOOR_MS - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
