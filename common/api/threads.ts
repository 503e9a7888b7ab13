// Threads of spaces: kintone's space/thread.json (PUT; POST with `space, name`) and
// space/thread/comment.json (POST), and ours — reading threads, following them, paging, deleting
// and liking their comments. Request schemas and the shapes they answer, shared by the server,
// the web client and the tests. Objects strip unknown keys: `creator` or `space` sent to an
// update are never read.
import { z } from 'zod';
import { MAX_COMMENTS_PER_PAGE, MAX_COMMENT_LENGTH, MAX_MENTIONS, MENTION_TYPES, type Mention } from './comments.js';
import { MAX_ID, boolParam, codeRef, intParam, listParam, numericId } from './params.js';

export const THREAD_PATH = '/k/v1/space/thread.json';
export const THREADS_PATH = '/k/v1/space/threads.json';
export const THREAD_FOLLOW_PATH = '/k/v1/space/thread/follow.json';
export const THREAD_COMMENT_PATH = '/k/v1/space/thread/comment.json';
export const THREAD_COMMENTS_PATH = '/k/v1/space/thread/comments.json';
export const THREAD_COMMENT_LIKE_PATH = '/k/v1/space/thread/comment/like.json';

export const MAX_THREAD_NAME = 128;
export const MAX_THREAD_BODY = 65_535;
/** Files per thread comment (kintone's limit). */
export const MAX_COMMENT_FILES = 5;
/** kintone: an image is shown 100 to 750 pixels wide; without a width, at its own size. */
export const MIN_IMAGE_WIDTH = 100;
export const MAX_IMAGE_WIDTH = 750;
export const MAX_THREADS_PER_PAGE = 100;

export { MAX_COMMENTS_PER_PAGE, MAX_COMMENT_LENGTH, MAX_MENTIONS };

const threadName = z.string().trim().min(1).max(MAX_THREAD_NAME);
const threadBody = z.string().max(MAX_THREAD_BODY);

export const createThreadInput = z.object({
  space: numericId,
  name: threadName,
  body: threadBody.optional(),
  /** Ours: tell every member and guest of the space "to me" (kintone's "notify space members"). */
  notifyAll: boolParam.optional(),
});
export type CreateThreadInput = z.output<typeof createThreadInput>;

export const updateThreadInput = z.object({ id: numericId, name: threadName.optional(), body: threadBody.optional() });
export type UpdateThreadInput = z.output<typeof updateThreadInput>;

export const threadIdInput = z.object({ id: numericId });

export const listThreadsInput = z.object({
  space: numericId,
  offset: intParam(0, MAX_ID).optional(),
  limit: intParam(1, MAX_THREADS_PER_PAGE).optional(),
});

export const followThreadInput = z.object({ id: numericId, follow: boolParam });

const commentFile = z.object({
  fileKey: z.string().trim().min(1).max(100),
  width: intParam(MIN_IMAGE_WIDTH, MAX_IMAGE_WIDTH).optional(),
});

export const addThreadCommentInput = z.object({
  space: numericId,
  thread: numericId,
  comment: z
    .object({
      text: z.string().max(MAX_COMMENT_LENGTH).optional(),
      files: listParam(commentFile, MAX_COMMENT_FILES).optional(),
      mentions: listParam(z.object({ code: codeRef, type: z.enum(MENTION_TYPES, { error: 'enumValue' }) }), MAX_MENTIONS).optional(),
    })
    // kintone: text or files, one of them.
    .refine((c) => (c.text ?? '').trim() !== '' || (c.files?.length ?? 0) > 0, { message: 'required', path: ['text'] }),
  /** Ours: the comment this one replies to. */
  parent: numericId.optional(),
});
export type AddThreadCommentInput = z.output<typeof addThreadCommentInput>;

export const threadCommentsInput = z.object({
  space: numericId,
  thread: numericId,
  order: z.enum(['asc', 'desc'], { error: 'enumValue' }).optional(),
  offset: intParam(0, MAX_ID).optional(),
  limit: intParam(0, MAX_COMMENTS_PER_PAGE).optional(),
});

export const threadCommentInput = z.object({ space: numericId, thread: numericId, comment: numericId });

export const likeThreadCommentInput = threadCommentInput.extend({ like: boolParam });

export interface PersonJson {
  code: string;
  name: string;
}

export interface ThreadJson {
  id: string;
  space: string;
  name: string;
  /** Sanitised HTML, null when the thread has none. */
  body: string | null;
  /** The space's first thread: the only one of a single-thread space; it cannot be deleted. */
  isDefault: boolean;
  creator: PersonJson;
  createdAt: string;
  modifier: PersonJson;
  modifiedAt: string;
  following: boolean;
  commentCount: string;
}

export interface ThreadsPage {
  threads: ThreadJson[];
  totalCount: string;
}

export interface ThreadCommentFileJson {
  fileKey: string;
  name: string;
  contentType: string;
  size: string;
  width?: string;
}

export interface ThreadCommentJson {
  id: string;
  /** As record comments: the mentioned names, a space and a line break, then the text as posted. */
  text: string;
  creator: PersonJson;
  createdAt: string;
  mentions: Mention[];
  files: ThreadCommentFileJson[];
  /** The comment this one replies to. */
  parent?: string;
  likeCount: string;
  likedByMe: boolean;
}

export interface ThreadCommentsPage {
  comments: ThreadCommentJson[];
  older: boolean;
  newer: boolean;
}
