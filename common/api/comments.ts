// kintone's record comments (`/k/v1/record/comments.json`, `/k/v1/record/comment.json`): request
// schemas and the shapes they answer, shared by the server, the web client and the tests.
import { z } from 'zod';
import { MAX_ID, codeRef, intParam, numericId, recordIdParam } from './params.js';

export const MAX_COMMENT_LENGTH = 65_535;
export const MAX_MENTIONS = 10;
/** Comments per GET, and the default. */
export const MAX_COMMENTS_PER_PAGE = 10;

export const MENTION_TYPES = ['USER', 'GROUP', 'ORGANIZATION'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

export interface Mention {
  code: string;
  type: MentionType;
}

export interface CommentJson {
  id: string;
  /** The mentioned names, a space and a line break, then the text as posted (kintone's form). */
  text: string;
  /** UTC to the second: `2026-04-01T09:30:05Z`. */
  createdAt: string;
  creator: { code: string; name: string };
  mentions: Mention[];
}

export interface CommentsPage {
  comments: CommentJson[];
  /** Whether comments older than this page exist. */
  older: boolean;
  /** Whether comments newer than this page exist. */
  newer: boolean;
}

/** Comment ids are per record; any safe integer is accepted, and large ones simply do not exist. */
const commentIdParam = recordIdParam;

export const getCommentsInput = z.object({
  app: numericId,
  record: recordIdParam,
  // kintone answers a value outside the enum in its validator's raw wording.
  order: z.enum(['asc', 'desc'], { error: 'enumValue' }).optional(),
  offset: intParam(0, MAX_ID).optional(),
  // kintone accepts 0 (an empty page that still says what lies on either side).
  limit: intParam(0, MAX_COMMENTS_PER_PAGE).optional(),
});

export const addCommentInput = z.object({
  app: numericId,
  record: recordIdParam,
  comment: z.object({
    text: z.string().min(1).max(MAX_COMMENT_LENGTH),
    mentions: z
      .array(z.object({ code: codeRef, type: z.enum(MENTION_TYPES, { error: 'enumValue' }) }))
      .max(MAX_MENTIONS)
      .optional(),
  }),
});

export const deleteCommentInput = z.object({ app: numericId, record: recordIdParam, comment: commentIdParam });
