import type { DbTime } from '../dialect.js';

export type FileKind = 'temporary' | 'attached';

/**
 * One uploaded file. The bytes live on disk under the stored id; the user's file name is kept
 * here only. Keys are bearer handles, so the table holds their SHA-256, never a usable key.
 */
export interface FilesTable {
  domainId: string;
  /** Names the bytes on disk; not a secret and never shown to clients. */
  id: string;
  kind: FileKind;
  /** SHA-256 of the upload key (temporary) or of the record file key (attached). */
  keyHash: string;
  uploaderId: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: DbTime;
  /** Temporary uploads lapse; attached files do not. */
  expiresAt: DbTime | null;
  attachedAt: DbTime | null;
  /** Set once attached: the record and field the file belongs to. */
  appId: number | null;
  recordId: number | null;
  fieldId: string | null;
  /** Set once attached to a thread comment instead of a record. */
  spaceId: number | null;
  threadId: number | null;
  threadCommentId: number | null;
}
