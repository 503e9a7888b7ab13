// The first-run page's API (ours): until a domain has an administrator, the one-time link
// printed in the log (`${BASE_URL}/setup#token=…`) lets its holder create one.
import { z } from 'zod';
import { localeParam } from './params.js';
import { loginName } from './users.js';

export const SETUP_PATH = '/api/setup';

/** The page's own address; the token rides in the fragment, which no request carries. */
export const SETUP_PAGE = '/setup';

export const setupInput = z.object({
  token: z.string().min(1).max(200),
  code: loginName,
  name: z.string().trim().min(1).max(128),
  email: z.email().max(256),
  password: z.string().min(1).max(1024),
  locale: localeParam.optional(),
  timezone: z.string().max(64).optional(),
});
export type SetupInput = z.input<typeof setupInput>;

/** GET: whether this domain still waits for its first administrator. */
export interface SetupStatusJson {
  required: boolean;
}
