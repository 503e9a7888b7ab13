// "Locked out by the IP allow-list?" (kintone Help "IP Address Restrictions"): a domain
// administrator asks, from the sign-in page, for a mailed link that switches the restriction off.
// Like the password reset, anyone may ask and the answer never says whether anything was sent;
// the link's token is the only key, and opening it signs nobody in.
import { z } from 'zod';

export const ALLOW_LIST_RESET_PATH = '/api/allow-list-reset';
export const ALLOW_LIST_RESET_TOKEN_PATH = '/api/allow-list-reset/:token';

/** The link mailed to the administrator: `${BASE_URL}/allow-list-reset/<token>`. */
export const ALLOW_LIST_RESET_PAGE = '/allow-list-reset/';

/** How long a link works. */
export const ALLOW_LIST_RESET_TTL_MS = 60 * 60_000;

export const allowListResetRequestInput = z.object({
  /** The administrator's login name. */
  login: z.string().trim().min(1).max(256),
});

/** The token comes from the path; nothing else is asked. */
export const allowListResetCompleteInput = z.object({});

/** What the page shows before the restriction is switched off: whose link it is. */
export interface AllowListResetInfo {
  login: string;
}
