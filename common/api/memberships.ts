// Who belongs where, in the cybozu User API shape: read from either side, replaced per user.
import { z } from 'zod';
import { codeRef } from './params.js';
import { boolParam, intParam, listParam } from './params.js';

export const USER_GROUPS_PATH = '/v1/user/groups.json';
export const GROUP_USERS_PATH = '/v1/group/users.json';
export const REPLACE_USER_GROUPS_PATH = '/v1/userGroups.json';
export const USER_ORGANIZATIONS_PATH = '/v1/user/organizations.json';
export const ORGANIZATION_USERS_PATH = '/v1/organization/users.json';
export const REPLACE_USER_ORGANIZATIONS_PATH = '/v1/userOrganizations.json';

export const MAX_MEMBERSHIP_USERS_PER_CALL = 100;
/** Replacement lists every group (organisation) a user is in, so this also caps memberships. */
export const MAX_MEMBERSHIPS_PER_USER = 100;

export const userCodeInput = z.object({ code: codeRef });

const page = {
  offset: intParam(0, 1_000_000).default(0),
  size: intParam(1, 100).default(100),
};

export const groupUsersInput = z.object({ code: codeRef, ...page });

export const organizationUsersInput = z.object({
  code: codeRef,
  ...page,
  includeSubs: boolParam.default(false),
});

export const userGroupsChange = z.object({
  code: codeRef,
  groups: listParam(codeRef, MAX_MEMBERSHIPS_PER_USER),
});
export type UserGroupsChange = z.output<typeof userGroupsChange>;

export const replaceUserGroupsInput = z.object({
  userGroups: z.array(userGroupsChange).min(1).max(MAX_MEMBERSHIP_USERS_PER_CALL),
});

export const userOrganizationsChange = z.object({
  code: codeRef,
  organizations: listParam(codeRef, MAX_MEMBERSHIPS_PER_USER),
  /** Absent, null or "": the first organisation listed (none listed → no primary). */
  primaryOrganization: z
    .union([z.null(), z.string().trim().max(128)])
    .transform((v) => (v === '' ? null : v))
    .optional(),
});
export type UserOrganizationsChange = z.output<typeof userOrganizationsChange>;

export const replaceUserOrganizationsInput = z.object({
  userOrganizations: z.array(userOrganizationsChange).min(1).max(MAX_MEMBERSHIP_USERS_PER_CALL),
});

/** A member as membership lists show them: who they are and how to reach them, no settings. */
export interface MemberJson {
  id: string;
  code: string;
  name: string;
  email: string;
  valid: boolean;
}

export interface OrganizationTitleJson {
  organization: { id: string; code: string; name: string; parentCode: string | null };
  /** Job titles are not modelled yet; kintone sends null when a user has none. */
  title: null;
  primary: boolean;
}

export interface UserTitleJson {
  user: MemberJson;
  title: null;
}
