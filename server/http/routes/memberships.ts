// Memberships read from either side (a user's groups, a group's users) and replaced per user,
// as the cybozu User API does. Unknown codes answer with kintone's GAIA_US01/GR01/OR01.
import {
  GROUP_USERS_PATH,
  groupUsersInput,
  ORGANIZATION_USERS_PATH,
  organizationUsersInput,
  REPLACE_USER_GROUPS_PATH,
  REPLACE_USER_ORGANIZATIONS_PATH,
  replaceUserGroupsInput,
  replaceUserOrganizationsInput,
  USER_GROUPS_PATH,
  USER_ORGANIZATIONS_PATH,
  userCodeInput,
} from '../../../common/api/memberships.js';
import { AppError } from '../../domain/app-error.js';
import type { Ctx } from '../../domain/context.js';
import { replaceUserGroups } from '../../domain/memberships/replace-user-groups.js';
import { replaceUserOrganizations } from '../../domain/memberships/replace-user-organizations.js';
import type { Actor } from '../../policy/actor.js';
import { scope } from '../../policy/scope.js';
import { findGroupByCode, listGroupMembers, listGroupsOfUser } from '../../storage/groups.repo.js';
import {
  findOrganizationByCode,
  listOrganizationMembers,
  listOrganizationsOfUser,
} from '../../storage/organizations.repo.js';
import { type User, listUsers } from '../../storage/users.repo.js';
import { presentGroup, presentMember } from '../present/group.js';
import { presentOrganizationTitle } from '../present/organization.js';
import { defineRoute } from '../route.js';

async function userByCode(ctx: Ctx, actor: Actor, code: string): Promise<User> {
  const [user] = await listUsers(ctx.db, scope(actor, 'users'), { codes: [code], offset: 0, size: 1 });
  if (!user) throw new AppError('GAIA_US01', { params: { code } });
  return user;
}

export const membershipRoutes = [
  defineRoute({
    method: 'GET',
    url: USER_GROUPS_PATH,
    access: 'directory.read',
    input: userCodeInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const user = await userByCode(ctx, actor, input.code);
      const groups = await listGroupsOfUser(ctx.db, scope(actor, 'groups'), user.id);
      return { groups: groups.map(presentGroup) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: GROUP_USERS_PATH,
    access: 'directory.read',
    input: groupUsersInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const group = await findGroupByCode(ctx.db, scope(actor, 'groups'), input.code);
      if (!group) throw new AppError('GAIA_GR01', { params: { code: input.code } });
      const users = await listGroupMembers(ctx.db, scope(actor, 'users'), group.id, input);
      return { users: users.map(presentMember) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: REPLACE_USER_GROUPS_PATH,
    access: 'directory.manage',
    input: replaceUserGroupsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => replaceUserGroups(ctx, input.userGroups));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: USER_ORGANIZATIONS_PATH,
    access: 'directory.read',
    input: userCodeInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const user = await userByCode(ctx, actor, input.code);
      const orgs = await listOrganizationsOfUser(ctx.db, scope(actor, 'organizations'), user.id);
      return { organizationTitles: orgs.map((o) => presentOrganizationTitle(o, user.primaryOrganizationId)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: ORGANIZATION_USERS_PATH,
    access: 'directory.read',
    input: organizationUsersInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const org = await findOrganizationByCode(ctx.db, scope(actor, 'organizations'), input.code);
      if (!org) throw new AppError('GAIA_OR01', { params: { code: input.code } });
      const users = await listOrganizationMembers(ctx.db, scope(actor, 'users'), org.id, input);
      return { userTitles: users.map((u) => ({ user: presentMember(u), title: null })) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: REPLACE_USER_ORGANIZATIONS_PATH,
    access: 'directory.manage',
    input: replaceUserOrganizationsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => replaceUserOrganizations(ctx, input.userOrganizations));
      return {};
    },
  }),
];
