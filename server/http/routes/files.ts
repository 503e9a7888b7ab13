// /k/v1/file.json. Uploads stream straight to disk through server/files; nothing is buffered
// in memory and nothing is kept unless the whole request succeeds. The guest-space twin
// (/k/guest/:id/v1/file.json) arrives with guest spaces.
import type { FastifyRequest } from 'fastify';
import { downloadFileInput, FILE_PART, FILE_PATH } from '../../../common/api/files.js';
import type { Config } from '../../config.js';
import { AppError } from '../../domain/app-error.js';
import type { StagedBlob } from '../../files/blob-store.js';
import { sendDownload } from '../present/download.js';
import { openForDownload } from '../../files/open-for-download.js';
import { commitUpload, stageUpload } from '../../files/upload-temporary.js';
import type { Actor } from '../../policy/actor.js';
import { checkDeferredToken, REQUEST_TOKEN_FIELD } from '../plugins/csrf.js';
import { mayReadRecordFile } from '../../domain/records/file-access.js';
import { mayReadThreadFile } from '../../domain/threads/file-access.js';
import { defineRoute } from '../route.js';

interface ReadUpload {
  staged: StagedBlob;
  name: string;
  declaredType: string;
  token: string | undefined;
}

/**
 * Reads every part: the file is staged to disk as it arrives, and fields (the request token,
 * which kintone's client sends after the file) are collected. Parts other than `file` are
 * drained and ignored; the plugin's limits already cap how many there can be.
 */
async function readUpload(request: FastifyRequest, actor: Actor, config: Readonly<Config>): Promise<ReadUpload> {
  let staged: StagedBlob | undefined;
  let name = '';
  let declaredType = '';
  let token: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === REQUEST_TOKEN_FIELD && typeof part.value === 'string') token = part.value;
      } else if (part.fieldname === FILE_PART && !staged) {
        name = part.filename;
        declaredType = part.mimetype;
        staged = await stageUpload({ actor, config }, part.file);
      } else {
        part.file.resume();
      }
    }
  } catch (err) {
    await staged?.discard();
    throw malformedAsInvalid(err);
  }
  if (!staged) throw AppError.invalid({ [FILE_PART]: 'required' });
  return { staged, name, declaredType, token };
}

/**
 * Busboy reports a malformed body (no boundary, a part cut short) as a bare Error: the client's
 * mistake, so 400 rather than 500. Errors with a code (disk, limits, aborts) keep their meaning.
 */
function malformedAsInvalid(err: unknown): unknown {
  if (err instanceof Error && !(err instanceof AppError) && !('code' in err) && !('statusCode' in err)) {
    return AppError.invalid({ [FILE_PART]: 'invalid' });
  }
  return err;
}

export const fileRoutes = [
  defineRoute({
    method: 'POST',
    url: FILE_PATH,
    access: 'file.upload',
    multipart: true,
    handler: async ({ request, actor, services, command }) => {
      if (!request.isMultipart()) throw AppError.invalid({ [FILE_PART]: 'required' });
      const upload = await readUpload(request, actor, services.config);
      try {
        checkDeferredToken(request, upload.token);
        return await command((ctx) => commitUpload(ctx, upload.staged, upload));
      } catch (err) {
        await upload.staged.discard();
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: FILE_PATH,
    access: 'file.download',
    input: downloadFileInput,
    handler: async ({ input, read, reply }) => {
      // The caller must be able to read the record and field holding the file now (F1, F7), or
      // the thread of the comment holding it, through this path (G2).
      const ctx = read();
      const file = await openForDownload(ctx, input.fileKey, (f) => (f.thread ? mayReadThreadFile(ctx, f.thread) : mayReadRecordFile(ctx, f)));
      return sendDownload(reply, file, 'private, no-store');
    },
  }),
];
