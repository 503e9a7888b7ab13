// Redis for the tests that need one (the event bus between instances): TEST_REDIS_URL, or the
// one on this machine. Tests skip when none answers and TEST_REDIS_URL is not set; when it is
// set, they run and fail loudly without it.
import { Redis } from 'ioredis';
import { randomString } from '../../common/ids.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export async function redisAnswers(url: string = TEST_REDIS_URL): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 1_000 });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Whether to run the Redis tests (see above). */
export const WITH_REDIS = Boolean(process.env.TEST_REDIS_URL) || (await redisAnswers());

/** A channel no other test run shares, so parallel files never hear each other. */
export function testChannel(): string {
  return `engawa-test:${randomString(12)}:events`;
}
