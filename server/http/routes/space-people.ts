// Ours, for the web app's space screens: the caller's access in a space, the space's people by
// name, candidates to add as members, and who liked a thread comment. Who may see what is decided
// in the use cases (server/domain/spaces/, server/domain/threads/).
import {
  SPACE_ACCESS_PATH,
  SPACE_MEMBER_CANDIDATES_PATH,
  SPACE_PEOPLE_PATH,
  THREAD_COMMENT_LIKERS_PATH,
  likersInput,
  memberCandidatesInput,
  spaceRefInput,
} from '../../../common/api/space-people.js';
import { listSpacePeople } from '../../domain/spaces/list-space-people.js';
import { memberCandidates } from '../../domain/spaces/member-candidates.js';
import { spaceAccessSummary } from '../../domain/spaces/space-access-summary.js';
import { listCommentLikers } from '../../domain/threads/list-comment-likers.js';
import { defineRoute } from '../route.js';

export const spacePeopleRoutes = [
  defineRoute({
    method: 'GET',
    url: SPACE_ACCESS_PATH,
    access: 'signedIn',
    input: spaceRefInput,
    handler: async ({ input, read }) => spaceAccessSummary(read(), input.id),
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_PEOPLE_PATH,
    access: 'signedIn',
    input: spaceRefInput,
    handler: async ({ input, read }) => listSpacePeople(read(), input.id),
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_MEMBER_CANDIDATES_PATH,
    access: 'signedIn',
    input: memberCandidatesInput,
    handler: async ({ input, read }) => ({ entities: await memberCandidates(read(), input) }),
  }),
  defineRoute({
    method: 'GET',
    url: THREAD_COMMENT_LIKERS_PATH,
    access: 'signedIn',
    input: likersInput,
    handler: async ({ input, read }) => listCommentLikers(read(), input.space, input.thread, input.comment),
  }),
];
