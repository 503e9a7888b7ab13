import { z } from 'zod';

export const BULK_PATH = '/k/v1/bulkRequest.json';
export const MAX_BULK_REQUESTS = 20;

export const bulkRequestInput = z.object({
  requests: z
    .array(
      z.object({
        method: z.enum(['POST', 'PUT', 'DELETE']),
        api: z.string().min(1).max(200),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1)
    .max(MAX_BULK_REQUESTS),
});
