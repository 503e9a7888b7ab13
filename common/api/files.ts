// /k/v1/file.json — upload to temporary storage (multipart) and download an attached file.
import { z } from 'zod';

export const FILE_PATH = '/k/v1/file.json';

/** The multipart part that carries the bytes, as kintone names it. */
export const FILE_PART = 'file';

/** Upload keys are 36 characters and record file keys 49; anything longer is not a key. */
export const MAX_FILE_KEY_LENGTH = 100;

export const downloadFileInput = z.object({ fileKey: z.string().min(1).max(MAX_FILE_KEY_LENGTH) });

export interface UploadFileResponse {
  /** A temporary upload key: attach it through a record's FILE field within three days. */
  fileKey: string;
}

/** A FILE field value item as GET record shows it. */
export interface FileValue {
  contentType: string;
  fileKey: string;
  name: string;
  /** Bytes, as a decimal string. */
  size: string;
}
