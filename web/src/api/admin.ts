// The administrators' directory: users (the cybozu User API, and our search with a total),
// departments, groups, memberships and guest accounts. Paths and inputs come from common/api.
import type { z } from 'zod';
import { GROUPS_PATH } from '../../../common/api/groups.js';
import type { GroupJson, NewGroup, groupChange } from '../../../common/api/groups.js';
import { GUEST_LIST_PATH, GUEST_STATUS_PATH, GUESTS_PATH } from '../../../common/api/guests.js';
import type { GuestJson, newGuest } from '../../../common/api/guests.js';
import {
  GROUP_USERS_PATH,
  ORGANIZATION_USERS_PATH,
  REPLACE_USER_GROUPS_PATH,
  REPLACE_USER_ORGANIZATIONS_PATH,
  USER_GROUPS_PATH,
  USER_ORGANIZATIONS_PATH,
} from '../../../common/api/memberships.js';
import type { MemberJson, OrganizationTitleJson, UserTitleJson } from '../../../common/api/memberships.js';
import { ORGANIZATIONS_PATH } from '../../../common/api/organizations.js';
import type { OrganizationJson, newOrganization, organizationChange } from '../../../common/api/organizations.js';
import { SPACES_STATISTICS_PATH } from '../../../common/api/space-extras.js';
import type { SpaceStatisticsJson } from '../../../common/api/space-extras.js';
import { USER_SEARCH_PATH, USERS_PATH } from '../../../common/api/users.js';
import type { SearchUsersResponse, UserJson, newUser, userChange } from '../../../common/api/users.js';
import { api } from './client';

/** The User API's largest page. */
const PAGE = 100;

// Users

export interface UserSearch {
  q?: string;
  valid?: boolean;
  offset: number;
  size: number;
}

export function searchUsers(search: UserSearch): Promise<SearchUsersResponse> {
  return api<SearchUsersResponse>('GET', USER_SEARCH_PATH, { query: { ...search } });
}

/** One user by login name; null when there is none. */
export async function getUser(code: string): Promise<UserJson | null> {
  const { users } = await api<{ users: UserJson[] }>('GET', USERS_PATH, { query: { codes: [code] } });
  return users[0] ?? null;
}

export async function createUser(user: z.input<typeof newUser>): Promise<string> {
  const { ids } = await api<{ ids: string[] }>('POST', USERS_PATH, { body: { users: [user] } });
  return ids[0]!;
}

/** `currentPassword`: the signed-in administrator's, asked before their own password or e-mail address changes (A18). */
export async function updateUser(change: z.input<typeof userChange>, currentPassword?: string): Promise<void> {
  await api('PUT', USERS_PATH, { body: { users: [change], currentPassword } });
}

export async function deleteUser(code: string): Promise<void> {
  await api('DELETE', USERS_PATH, { body: { codes: [code] } });
}

// Departments and groups: every page, since screens show them whole (a tree, a checklist).

async function allPages<T>(fetchPage: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetchPage(offset);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export function listOrganizations(): Promise<OrganizationJson[]> {
  return allPages(async (offset) => (await api<{ organizations: OrganizationJson[] }>('GET', ORGANIZATIONS_PATH, { query: { offset, size: PAGE } })).organizations);
}

export async function createOrganization(org: z.input<typeof newOrganization>): Promise<void> {
  await api('POST', ORGANIZATIONS_PATH, { body: { organizations: [org] } });
}

export async function updateOrganization(change: z.input<typeof organizationChange>): Promise<void> {
  await api('PUT', ORGANIZATIONS_PATH, { body: { organizations: [change] } });
}

export async function deleteOrganization(code: string): Promise<void> {
  await api('DELETE', ORGANIZATIONS_PATH, { body: { codes: [code] } });
}

export function listGroups(): Promise<GroupJson[]> {
  return allPages(async (offset) => (await api<{ groups: GroupJson[] }>('GET', GROUPS_PATH, { query: { offset, size: PAGE } })).groups);
}

export async function createGroup(group: NewGroup): Promise<void> {
  await api('POST', GROUPS_PATH, { body: { groups: [group] } });
}

export async function updateGroup(change: z.input<typeof groupChange>): Promise<void> {
  await api('PUT', GROUPS_PATH, { body: { groups: [change] } });
}

export async function deleteGroup(code: string): Promise<void> {
  await api('DELETE', GROUPS_PATH, { body: { codes: [code] } });
}

// Memberships

export function groupMembers(code: string): Promise<MemberJson[]> {
  return allPages(async (offset) => (await api<{ users: MemberJson[] }>('GET', GROUP_USERS_PATH, { query: { code, offset, size: PAGE } })).users);
}

export function organizationMembers(code: string, includeSubs: boolean): Promise<MemberJson[]> {
  return allPages(async (offset) =>
    (await api<{ userTitles: UserTitleJson[] }>('GET', ORGANIZATION_USERS_PATH, { query: { code, offset, size: PAGE, includeSubs } })).userTitles.map((t) => t.user),
  );
}

export async function userGroups(code: string): Promise<GroupJson[]> {
  return (await api<{ groups: GroupJson[] }>('GET', USER_GROUPS_PATH, { query: { code } })).groups;
}

export async function userOrganizations(code: string): Promise<OrganizationTitleJson[]> {
  return (await api<{ organizationTitles: OrganizationTitleJson[] }>('GET', USER_ORGANIZATIONS_PATH, { query: { code } })).organizationTitles;
}

export async function replaceUserGroups(code: string, groups: string[]): Promise<void> {
  await api('PUT', REPLACE_USER_GROUPS_PATH, { body: { userGroups: [{ code, groups }] } });
}

export async function replaceUserOrganizations(code: string, organizations: string[], primaryOrganization: string | null): Promise<void> {
  await api('PUT', REPLACE_USER_ORGANIZATIONS_PATH, { body: { userOrganizations: [{ code, organizations, primaryOrganization }] } });
}

// Guests

export async function listGuestAccounts(offset: number, limit: number): Promise<GuestJson[]> {
  return (await api<{ guests: GuestJson[] }>('GET', GUEST_LIST_PATH, { query: { offset, limit } })).guests;
}

export async function addGuest(guest: z.input<typeof newGuest>): Promise<void> {
  await api('POST', GUESTS_PATH, { body: { guests: [guest] } });
}

export async function setGuestValid(code: string, valid: boolean): Promise<void> {
  await api('PUT', GUEST_STATUS_PATH, { body: { guests: [{ code, valid }] } });
}

export async function deleteGuest(code: string): Promise<void> {
  await api('DELETE', GUESTS_PATH, { body: { guests: [code] } });
}

/** Every guest space of the domain the administrator may see (kintone's spaces/statistics.json). */
export async function listGuestSpaces(): Promise<SpaceStatisticsJson[]> {
  const all = await allPages(async (offset) => (await api<{ spaces: SpaceStatisticsJson[] }>('GET', SPACES_STATISTICS_PATH, { query: { offset, limit: PAGE } })).spaces);
  return all.filter((s) => s.isGuest);
}
