// The headers every file answer carries: the type decided at upload (never the client's), a
// download disposition unless it is a plain raster image, and a sandbox so a file cannot run as
// a page of ours (F4).
import type { FastifyReply } from 'fastify';
import type { Download } from '../../files/open-for-download.js';
import { contentDisposition } from '../../files/names.js';

export function sendDownload(reply: FastifyReply, file: Download, cacheControl: 'private, no-store' | 'private, no-cache'): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.disposition, file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', cacheControl)
    .send(file.stream);
}
