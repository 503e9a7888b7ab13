// Typed calls for threads and their comments, likes and attachments. Every path goes through the
// place, so a guest space's thread is reached under `/k/guest/<id>/v1/…`.
import type { z } from 'zod';
import { FILE_PART, FILE_PATH, type UploadFileResponse } from '../../../common/api/files.js';
import { THREAD_COMMENT_LIKERS_PATH, type LikersJson } from '../../../common/api/space-people.js';
import {
  THREADS_PATH,
  THREAD_COMMENTS_PATH,
  THREAD_COMMENT_LIKE_PATH,
  THREAD_COMMENT_PATH,
  THREAD_FOLLOW_PATH,
  THREAD_PATH,
  type ThreadCommentJson,
  type ThreadCommentsPage,
  type ThreadJson,
  type ThreadsPage,
  type addThreadCommentInput,
  type createThreadInput,
  type updateThreadInput,
} from '../../../common/api/threads.js';
import type { ErrorBody } from '../../../common/errors.js';
import { ApiError, NETWORK_ERROR, UNEXPECTED_ANSWER, api, requestHeaders } from './client';
import type { Place } from './place';

export type { ThreadJson, ThreadCommentJson, ThreadCommentsPage, LikersJson };

export function listThreads(place: Place, space: string, offset: number, limit: number): Promise<ThreadsPage> {
  return api<ThreadsPage>('GET', place.k(THREADS_PATH), { query: { space, offset, limit } });
}

export function getThread(place: Place, id: string): Promise<ThreadJson> {
  return api<ThreadJson>('GET', place.k(THREAD_PATH), { query: { id } });
}

export function createThread(place: Place, input: z.input<typeof createThreadInput>): Promise<{ id: string }> {
  return api('POST', place.k(THREAD_PATH), { body: input });
}

export function updateThread(place: Place, input: z.input<typeof updateThreadInput>): Promise<unknown> {
  return api('PUT', place.k(THREAD_PATH), { body: input });
}

export function deleteThread(place: Place, id: string): Promise<unknown> {
  return api('DELETE', place.k(THREAD_PATH), { body: { id } });
}

export function followThread(place: Place, id: string, follow: boolean): Promise<unknown> {
  return api('PUT', place.k(THREAD_FOLLOW_PATH), { body: { id, follow } });
}

/** Newest first; `offset` counts from the newest. */
export function listComments(place: Place, space: string, thread: string, offset: number, limit: number): Promise<ThreadCommentsPage> {
  return api<ThreadCommentsPage>('GET', place.k(THREAD_COMMENTS_PATH), { query: { space, thread, order: 'desc', offset, limit } });
}

export function addComment(place: Place, input: z.input<typeof addThreadCommentInput>): Promise<{ id: string }> {
  return api('POST', place.k(THREAD_COMMENT_PATH), { body: input });
}

export function deleteComment(place: Place, space: string, thread: string, comment: string): Promise<unknown> {
  return api('DELETE', place.k(THREAD_COMMENT_PATH), { body: { space, thread, comment } });
}

export function likeComment(place: Place, space: string, thread: string, comment: string, like: boolean): Promise<{ likeCount: string }> {
  return api('PUT', place.k(THREAD_COMMENT_LIKE_PATH), { body: { space, thread, comment, like } });
}

export function commentLikers(space: string, thread: string, comment: string): Promise<LikersJson> {
  return api<LikersJson>('GET', THREAD_COMMENT_LIKERS_PATH, { query: { space, thread, comment } });
}

/** Where an attached file is read (GET file.json, with the session's cookie). */
export function fileUrl(place: Place, fileKey: string): string {
  return `${place.k(FILE_PATH)}?fileKey=${encodeURIComponent(fileKey)}`;
}

/** POST file.json (multipart): a temporary key to attach to a comment. */
export async function uploadFile(place: Place, file: File): Promise<string> {
  const form = new FormData();
  form.append(FILE_PART, file, file.name);
  let response: Response;
  try {
    response = await fetch(place.k(FILE_PATH), { method: 'POST', headers: requestHeaders('POST'), body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: NETWORK_ERROR, id: '', message: '' });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok && json && typeof (json as UploadFileResponse).fileKey === 'string') return (json as UploadFileResponse).fileKey;
  const body = json as Partial<ErrorBody> | undefined;
  throw new ApiError(response.status, body && typeof body.code === 'string' && typeof body.message === 'string' ? (body as ErrorBody) : { code: UNEXPECTED_ANSWER, id: '', message: '' });
}
