// The administrators' user search (ours): what the users screen lists, searched and counted.
import { type SearchUsersResponse, USER_SEARCH_PATH, searchUsersInput } from '../../../common/api/users.js';
import { scope } from '../../policy/scope.js';
import { searchUsers } from '../../storage/user-search.repo.js';
import { presentUser } from '../present/user.js';
import { defineRoute } from '../route.js';

export const userSearchRoutes = [
  defineRoute({
    method: 'GET',
    url: USER_SEARCH_PATH,
    access: 'directory.read',
    input: searchUsersInput,
    handler: async ({ input, actor, read }): Promise<SearchUsersResponse> => {
      const ctx = read();
      const { users, totalCount } = await searchUsers(ctx.db, scope(actor, 'users'), input);
      return { users: users.map((u) => presentUser(u, ctx.now)), totalCount: String(totalCount) };
    },
  }),
];
