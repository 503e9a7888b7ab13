import {
  createOrganizationsInput,
  deleteOrganizationsInput,
  listOrganizationsInput,
  ORGANIZATIONS_PATH,
  updateOrganizationsInput,
} from '../../../common/api/organizations.js';
import { createOrganizations } from '../../domain/organizations/create-organizations.js';
import { deleteOrganizations } from '../../domain/organizations/delete-organizations.js';
import { updateOrganizations } from '../../domain/organizations/update-organizations.js';
import { scope } from '../../policy/scope.js';
import { listOrganizations } from '../../storage/organizations.repo.js';
import { presentOrganization } from '../present/organization.js';
import { defineRoute } from '../route.js';

export const organizationRoutes = [
  defineRoute({
    method: 'GET',
    url: ORGANIZATIONS_PATH,
    access: 'directory.read',
    input: listOrganizationsInput,
    handler: async ({ input, actor, read }) => {
      const orgs = await listOrganizations(read().db, scope(actor, 'organizations'), input);
      return { organizations: orgs.map(presentOrganization) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: ORGANIZATIONS_PATH,
    access: 'directory.manage',
    input: createOrganizationsInput,
    handler: async ({ input, command }) => {
      const ids = await command((ctx) => createOrganizations(ctx, input.organizations));
      return { ids: ids.map(String) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: ORGANIZATIONS_PATH,
    access: 'directory.manage',
    input: updateOrganizationsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateOrganizations(ctx, input.organizations));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: ORGANIZATIONS_PATH,
    access: 'directory.manage',
    input: deleteOrganizationsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteOrganizations(ctx, input.codes));
      return {};
    },
  }),
];
