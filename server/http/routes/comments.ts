// Record comments (`record/comments.json`, `record/comment.json`). Who may read, post and delete
// is decided in the use cases: the app readable with the view right, comments on, the record
// inside the caller's record permissions.
import { addCommentInput, deleteCommentInput, getCommentsInput } from '../../../common/api/comments.js';
import { addComment } from '../../domain/comments/add-comment.js';
import { deleteComment } from '../../domain/comments/delete-comment.js';
import { listComments } from '../../domain/comments/list-comments.js';
import { defineRoute } from '../route.js';

export const commentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/k/v1/record/comments.json',
    access: 'app.read',
    input: getCommentsInput,
    handler: async ({ input, read }) => listComments(read(), input.app, input.record, { order: input.order, offset: input.offset, limit: input.limit }),
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/record/comment.json',
    access: 'app.read',
    input: addCommentInput,
    handler: async ({ input, command }) => {
      const id = await command((ctx) => addComment(ctx, input.app, input.record, input.comment));
      return { id: String(id) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/k/v1/record/comment.json',
    access: 'app.read',
    input: deleteCommentInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteComment(ctx, input.app, input.record, input.comment));
      return {};
    },
  }),
];
