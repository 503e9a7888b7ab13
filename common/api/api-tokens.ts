// API tokens of an app (our addition: kintone manages them on its settings screen only). The
// token itself is shown once, when made; afterwards only its last characters.
import { z } from 'zod';
import { boolParam, numericId } from './params.js';

export const MAX_TOKENS_PER_APP = 20;
/** kintone accepts up to 9 tokens in one request (several apps, for lookups). */
export const MAX_TOKENS_PER_REQUEST = 9;

export const tokenRights = z.object({
  view: boolParam.optional().default(false),
  add: boolParam.optional().default(false),
  edit: boolParam.optional().default(false),
  delete: boolParam.optional().default(false),
  manage: boolParam.optional().default(false),
});

const tokenId = z.string().regex(/^tok_[0-9a-z]{20}$/, 'invalid');

/**
 * From a browser session, making, changing or deleting a token asks for the signed-in person's
 * current password (probe A18); password headers and tokens need none.
 */
const currentPassword = z.string().max(1024).optional();

export const createTokenInput = z.object({ app: numericId, rights: tokenRights, currentPassword });
export const updateTokenInput = z.object({ app: numericId, id: tokenId, rights: tokenRights, currentPassword });
export const deleteTokenInput = z.object({ app: numericId, id: tokenId, currentPassword });

export interface TokenJson {
  id: string;
  /** The token's last four characters. */
  hint: string;
  rights: z.output<typeof tokenRights>;
  /** False until the app is updated (deployed): until then the token does not work. */
  live: boolean;
  createdAt: string;
}
