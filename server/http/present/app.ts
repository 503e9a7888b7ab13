import type { AppJson } from '../../../common/api/apps.js';
import type { Queryable } from '../../storage/db.js';
import type { App } from '../../storage/apps.repo.js';
import { userNames } from '../../storage/users.repo.js';

const NOBODY = { code: '', name: '' };

export async function presentApps(db: Queryable, domainId: string, apps: App[]): Promise<AppJson[]> {
  const names = await userNames(db, domainId, apps.flatMap((a) => [a.creatorId, a.modifierId]));
  return apps.map((a) => ({
    appId: String(a.id),
    code: a.code,
    name: a.name,
    description: a.description,
    spaceId: a.spaceId == null ? null : String(a.spaceId),
    threadId: a.threadId == null ? null : String(a.threadId),
    createdAt: a.createdAt.toISOString(),
    creator: names.get(a.creatorId) ?? NOBODY,
    modifiedAt: a.modifiedAt.toISOString(),
    modifier: names.get(a.modifierId) ?? NOBODY,
  }));
}
