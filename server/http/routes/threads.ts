// Threads of spaces: kintone's space/thread.json (POST, PUT) and space/thread/comment.json
// (POST), and ours for reading threads and comments, deleting them, following and liking. All
// are served under /k/guest/{id}/v1/ too; who may do what is decided in the use cases, through
// the space each thread lives in (server/domain/threads/thread-access.ts). People only: API
// tokens do not reach spaces (kintone).
import {
  THREADS_PATH,
  THREAD_COMMENTS_PATH,
  THREAD_COMMENT_LIKE_PATH,
  THREAD_COMMENT_PATH,
  THREAD_FOLLOW_PATH,
  THREAD_PATH,
  addThreadCommentInput,
  createThreadInput,
  followThreadInput,
  likeThreadCommentInput,
  listThreadsInput,
  threadCommentInput,
  threadCommentsInput,
  threadIdInput,
  updateThreadInput,
} from '../../../common/api/threads.js';
import { addThreadComment } from '../../domain/threads/add-thread-comment.js';
import { createThread } from '../../domain/threads/create-thread.js';
import { deleteThreadComment } from '../../domain/threads/delete-thread-comment.js';
import { deleteThread } from '../../domain/threads/delete-thread.js';
import { followThread } from '../../domain/threads/follow-thread.js';
import { getThread } from '../../domain/threads/get-thread.js';
import { likeThreadComment } from '../../domain/threads/like-thread-comment.js';
import { listThreadComments } from '../../domain/threads/list-thread-comments.js';
import { listThreads } from '../../domain/threads/list-threads.js';
import { updateThread } from '../../domain/threads/update-thread.js';
import { defineRoute } from '../route.js';

export const threadRoutes = [
  defineRoute({
    method: 'GET',
    url: THREAD_PATH,
    access: 'signedIn',
    input: threadIdInput,
    handler: async ({ input, read }) => getThread(read(), input.id),
  }),
  defineRoute({
    method: 'POST',
    url: THREAD_PATH,
    access: 'signedIn',
    input: createThreadInput,
    handler: async ({ input, command }) => ({ id: String(await command((ctx) => createThread(ctx, input))) }),
  }),
  defineRoute({
    method: 'PUT',
    url: THREAD_PATH,
    access: 'signedIn',
    input: updateThreadInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateThread(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: THREAD_PATH,
    access: 'signedIn',
    input: threadIdInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteThread(ctx, input.id));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: THREADS_PATH,
    access: 'signedIn',
    input: listThreadsInput,
    handler: async ({ input, read }) => listThreads(read(), input.space, input),
  }),
  defineRoute({
    method: 'PUT',
    url: THREAD_FOLLOW_PATH,
    access: 'signedIn',
    input: followThreadInput,
    handler: async ({ input, command }) => {
      await command((ctx) => followThread(ctx, input.id, input.follow));
      return {};
    },
  }),
  defineRoute({
    method: 'POST',
    url: THREAD_COMMENT_PATH,
    access: 'signedIn',
    input: addThreadCommentInput,
    handler: async ({ input, command }) => ({ id: String(await command((ctx) => addThreadComment(ctx, input))) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: THREAD_COMMENT_PATH,
    access: 'signedIn',
    input: threadCommentInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteThreadComment(ctx, input.space, input.thread, input.comment));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: THREAD_COMMENTS_PATH,
    access: 'signedIn',
    input: threadCommentsInput,
    handler: async ({ input, read }) => listThreadComments(read(), input.space, input.thread, input),
  }),
  defineRoute({
    method: 'PUT',
    url: THREAD_COMMENT_LIKE_PATH,
    access: 'signedIn',
    input: likeThreadCommentInput,
    handler: async ({ input, command }) => ({
      likeCount: String(await command((ctx) => likeThreadComment(ctx, input.space, input.thread, input.comment, input.like))),
    }),
  }),
];
