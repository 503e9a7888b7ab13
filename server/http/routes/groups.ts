import {
  createGroupsInput,
  deleteGroupsInput,
  GROUPS_PATH,
  listGroupsInput,
  updateGroupsInput,
} from '../../../common/api/groups.js';
import { createGroups } from '../../domain/groups/create-groups.js';
import { deleteGroups } from '../../domain/groups/delete-groups.js';
import { updateGroups } from '../../domain/groups/update-groups.js';
import { scope } from '../../policy/scope.js';
import { listGroups } from '../../storage/groups.repo.js';
import { presentGroup } from '../present/group.js';
import { defineRoute } from '../route.js';

export const groupRoutes = [
  defineRoute({
    method: 'GET',
    url: GROUPS_PATH,
    access: 'directory.read',
    input: listGroupsInput,
    handler: async ({ input, actor, read }) => {
      const groups = await listGroups(read().db, scope(actor, 'groups'), input);
      return { groups: groups.map(presentGroup) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: GROUPS_PATH,
    access: 'directory.manage',
    input: createGroupsInput,
    handler: async ({ input, command }) => {
      const ids = await command((ctx) => createGroups(ctx, input.groups));
      return { ids: ids.map(String) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: GROUPS_PATH,
    access: 'directory.manage',
    input: updateGroupsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateGroups(ctx, input.groups));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: GROUPS_PATH,
    access: 'directory.manage',
    input: deleteGroupsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteGroups(ctx, input.codes));
      return {};
    },
  }),
];
