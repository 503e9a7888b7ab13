// What the portal lists: the signed-in person's spaces and guest spaces, and the apps they may
// use. The server filters both; a guest lists apps under each of its guest spaces' own path.
import { APPS_PATH } from '../../../common/api/apps.js';
import type { AppJson } from '../../../common/api/apps.js';
import { MY_SPACES_PATH } from '../../../common/api/spaces.js';
import type { MySpaceJson } from '../../../common/api/spaces.js';
import { api, guestPath } from './client';

/** The server's page size for both lists. */
const PAGE = 100;

export async function listMySpaces(): Promise<MySpaceJson[]> {
  const out: MySpaceJson[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { spaces } = await api<{ spaces: MySpaceJson[] }>('GET', MY_SPACES_PATH, { query: { offset, limit: PAGE } });
    out.push(...spaces);
    if (spaces.length < PAGE) return out;
  }
}

/** The first page of apps: the portal shows a short list, not a directory. */
export async function listApps(): Promise<AppJson[]> {
  const { apps } = await api<{ apps: AppJson[] }>('GET', APPS_PATH, { query: { limit: PAGE } });
  return apps;
}

/** A guest's apps: those of each guest space it belongs to, under that space's path. */
export async function listGuestApps(spaces: readonly MySpaceJson[]): Promise<AppJson[]> {
  const lists = await Promise.all(
    spaces
      .filter((s) => s.isGuest)
      .map((s) => api<{ apps: AppJson[] }>('GET', guestPath(APPS_PATH, s.id), { query: { limit: PAGE } }).then((r) => r.apps)),
  );
  return lists.flat();
}
