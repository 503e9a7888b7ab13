import pino from 'pino';

/** Structured JSON logs; credentials and cookies never reach them. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-cybozu-authorization"]',
        'req.headers["x-cybozu-api-token"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; hostname?: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: req.url.replace(/(__REQUEST_TOKEN__=)[^&]*/g, '$1[redacted]'),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
