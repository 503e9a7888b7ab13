// Lifting the IP allow-list by e-mail (common/api/allow-list-reset.ts). Every call goes without the
// session cookie: an administrator's old session is refused from outside the list, even here,
// while the same call made as nobody is answered (docs/api.md).
import type { z } from 'zod';
import { ALLOW_LIST_RESET_PATH, ALLOW_LIST_RESET_TOKEN_PATH } from '../../../common/api/allow-list-reset.js';
import type { AllowListResetInfo, allowListResetRequestInput } from '../../../common/api/allow-list-reset.js';
import { api, fillPath } from './client';

/** Answers the same whether or not a link was sent. */
export async function requestAllowListReset(input: z.input<typeof allowListResetRequestInput>): Promise<void> {
  await api('POST', ALLOW_LIST_RESET_PATH, { body: input, anonymous: true });
}

/** Whose link it is; changes nothing. */
export function openAllowListReset(token: string): Promise<AllowListResetInfo> {
  return api<AllowListResetInfo>('GET', fillPath(ALLOW_LIST_RESET_TOKEN_PATH, { token }), { anonymous: true });
}

/** Switches the domain's IP address restriction off; signs nobody in. */
export async function completeAllowListReset(token: string): Promise<void> {
  await api('POST', fillPath(ALLOW_LIST_RESET_TOKEN_PATH, { token }), { body: {}, anonymous: true });
}
