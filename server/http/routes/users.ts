import {
  createUsersInput,
  deleteUsersInput,
  listUsersInput,
  updateUsersInput,
  USERS_PATH,
} from '../../../common/api/users.js';
import { createUsers } from '../../domain/users/create-users.js';
import { deleteUsers } from '../../domain/users/delete-users.js';
import { changesOwnSignIn, updateUsers } from '../../domain/users/update-users.js';
import { scope } from '../../policy/scope.js';
import { listUsers } from '../../storage/users.repo.js';
import { confirmBrowserSession, isBrowserSession } from '../current-password.js';
import { presentUser } from '../present/user.js';
import { defineRoute } from '../route.js';

export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: USERS_PATH,
    access: 'directory.read',
    input: listUsersInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const users = await listUsers(ctx.db, scope(actor, 'users'), input);
      return { users: users.map((u) => presentUser(u, ctx.now)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: USERS_PATH,
    access: 'directory.manage',
    input: createUsersInput,
    handler: async ({ input, command }) => {
      const ids = await command((ctx) => createUsers(ctx, input.users));
      return { ids: ids.map(String) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: USERS_PATH,
    access: 'directory.manage',
    input: updateUsersInput,
    handler: async ({ input, command, ...args }) => {
      // Only a browser session is asked: the users are read for it alone.
      if (isBrowserSession(args.actor) && (await changesOwnSignIn(args.read(), input.users))) await confirmBrowserSession(args, input.currentPassword);
      await command((ctx) => updateUsers(ctx, input.users));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: USERS_PATH,
    access: 'directory.manage',
    input: deleteUsersInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteUsers(ctx, input.codes));
      return {};
    },
  }),
];
