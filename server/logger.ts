import pino from 'pino';

/** Structured JSON logs (to stdout unless `destination` says otherwise); credentials and cookies never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
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
        // Bearer secrets in paths (invitation and password-reset links) never reach the log.
        url: req.url.replace(/(__REQUEST_TOKEN__=)[^&]*/g, '$1[redacted]').replace(/(\/api\/(?:invitations|password-reset)\/)[^/?]+/g, '$1[redacted]'),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
