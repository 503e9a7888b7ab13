// An app's API tokens (preview/app/apiToken*.json). Making, changing and deleting one from the
// browser carries the signed-in person's current password (probe A18).
import type { TokenJson } from '../../../common/api/api-tokens.js';
import { api } from './client';
import type { Place } from './place';

export type TokenRights = TokenJson['rights'];

export function listTokens(place: Place, app: string): Promise<{ tokens: TokenJson[] }> {
  return api('GET', place.k('/k/v1/preview/app/apiTokens.json'), { query: { app } });
}

export function createToken(place: Place, app: string, rights: Partial<TokenRights>, currentPassword: string): Promise<{ id: string; token: string }> {
  return api('POST', place.k('/k/v1/preview/app/apiToken.json'), { body: { app, rights, currentPassword } });
}

export function deleteToken(place: Place, app: string, id: string, currentPassword: string): Promise<object> {
  return api('DELETE', place.k('/k/v1/preview/app/apiToken.json'), { body: { app, id, currentPassword } });
}
