// The only reader of process.env. Every variable is parsed here; every bad one is reported
// at boot, together, and the process exits non-zero (main.ts).
import fs from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const cidrList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const items = s.split(',').map((x) => x.trim()).filter(Boolean);
    for (const item of items) {
      const ok = item.includes('/') ? isCidr(item) : ipaddr.isValid(item);
      if (!ok) ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR range` });
    }
    return items;
  });

function isCidr(s: string): boolean {
  try {
    ipaddr.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite database)')
        .optional(),
    ),
    DATABASE_SCHEMA: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier').optional()),
    REDIS_URL: z.preprocess(emptyToUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis://').optional()),
    SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
    MAIL_FROM: z.string().min(3).default('Engawa <no-reply@engawa.invalid>'),
    BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    ENGAWA_ADMIN_LOGIN: z.preprocess(emptyToUndefined, z.string().min(1).max(128).optional()),
    ENGAWA_ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').max(1024).optional()),
    ENGAWA_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
    TRUST_PROXY: cidrList,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_LOCALE: z.enum(['ja', 'en']).default('ja'),
    SESSION_IDLE_HOURS: positiveInt(24),
    SESSION_ABSOLUTE_DAYS: positiveInt(7),
    LOCKOUT_THRESHOLD: positiveInt(10),
    LOCKOUT_MINUTES: positiveInt(30),
    LOGIN_RATE_PER_MINUTE: positiveInt(30),
    PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8),
    BODY_LIMIT_MB: positiveInt(16),
    FILE_MAX_MB: positiveInt(100),
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    READ_THREADS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(16).optional()),
    RECORD_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(64),
    PUBLIC_VIEW_REQUESTS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
    MAIL_POLL_SECONDS: positiveInt(5),
    TLS_CERT_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
    TLS_KEY_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
    TLS_CLIENT_CA_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
    CLIENT_CERT_HEADER: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').optional()),
  });

export type DatabaseConfig =
  /** readThreads: SQLite read threads (sqlite-read-pool.ts); unset, one per spare core; 0, none. */
  | { kind: 'sqlite'; file: string; readThreads?: number }
  | { kind: 'postgres'; url: string; schema?: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  baseUrl: string;
  /** Cookies are `Secure` (and `__Host-` prefixed) when the base URL is https or localhost. */
  secureCookies: boolean;
  initialAdmin?: { login: string; password: string; email?: string };
  trustProxy: string[];
  logLevel: string;
  defaultLocale: 'ja' | 'en';
  session: { idleMs: number; absoluteMs: number };
  lockout: { threshold: number; durationMs: number };
  loginRatePerMinute: number;
  passwordMinLength: number;
  bodyLimitBytes: number;
  /** One uploaded file at most; multipart bodies are streamed, so BODY_LIMIT_MB does not apply. */
  fileMaxBytes: number;
  /** HTTP processes serving the port; more than one makes this process their primary. */
  workers: number;
  /** Memory for records already written as JSON text (0 turns the cache off). */
  recordCacheBytes: number;
  /**
   * Requests a minute one public view, and a domain's views together, may take before visitors
   * are asked to retry: the operator's own capacity, in place of the view plan's (1,000–10,000).
   */
  publicViewRequestsPerMinute?: number;
  /** Uploaded bytes live here, apart from the database (DATA_DIR/files). */
  filesDir: string;
  mailPollMs: number;
  /** Engawa terminates TLS itself (PEM files); client certificates are asked for (secure access). */
  tls?: { certFile: string; keyFile: string; clientCaFile?: string };
  /** Lower-cased name of the header in which a TRUST_PROXY proxy passes the client certificate. */
  clientCertHeader?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  // Checked apart from the schema so it is reported together with every other problem.
  if (Boolean(env.ENGAWA_ADMIN_LOGIN) !== Boolean(env.ENGAWA_ADMIN_PASSWORD)) {
    problems.push(
      `${env.ENGAWA_ADMIN_LOGIN ? 'ENGAWA_ADMIN_PASSWORD' : 'ENGAWA_ADMIN_LOGIN'}: ` +
        'ENGAWA_ADMIN_LOGIN and ENGAWA_ADMIN_PASSWORD go together: set both or neither',
    );
  }
  problems.push(...tlsProblems(env));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const base = new URL(baseUrl);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : { kind: 'sqlite', file: path.join(dataDir, 'engawa.sqlite'), ...(e.READ_THREADS !== undefined ? { readThreads: e.READ_THREADS } : {}) },
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    baseUrl,
    secureCookies: base.protocol === 'https:' || base.hostname === 'localhost',
    initialAdmin:
      e.ENGAWA_ADMIN_LOGIN && e.ENGAWA_ADMIN_PASSWORD
        ? { login: e.ENGAWA_ADMIN_LOGIN, password: e.ENGAWA_ADMIN_PASSWORD, email: e.ENGAWA_ADMIN_EMAIL }
        : undefined,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    session: { idleMs: e.SESSION_IDLE_HOURS * 3_600_000, absoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000 },
    lockout: { threshold: e.LOCKOUT_THRESHOLD, durationMs: e.LOCKOUT_MINUTES * 60_000 },
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    passwordMinLength: e.PASSWORD_MIN_LENGTH,
    bodyLimitBytes: e.BODY_LIMIT_MB * 1024 * 1024,
    fileMaxBytes: e.FILE_MAX_MB * 1024 * 1024,
    recordCacheBytes: e.RECORD_CACHE_MB * 1024 * 1024,
    ...(e.PUBLIC_VIEW_REQUESTS_PER_MINUTE ? { publicViewRequestsPerMinute: e.PUBLIC_VIEW_REQUESTS_PER_MINUTE } : {}),
    workers: e.WORKERS,
    filesDir: path.join(dataDir, 'files'),
    mailPollMs: e.MAIL_POLL_SECONDS * 1000,
    ...(e.TLS_CERT_FILE && e.TLS_KEY_FILE
      ? { tls: { certFile: path.resolve(e.TLS_CERT_FILE), keyFile: path.resolve(e.TLS_KEY_FILE), ...(e.TLS_CLIENT_CA_FILE ? { clientCaFile: path.resolve(e.TLS_CLIENT_CA_FILE) } : {}) } }
      : {}),
    ...(e.CLIENT_CERT_HEADER ? { clientCertHeader: e.CLIENT_CERT_HEADER.toLowerCase() } : {}),
  };
  return deepFreeze(config);
}

/** TLS_CERT_FILE and TLS_KEY_FILE go together; every file named must be readable. */
function tlsProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    problems.push(`${env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'}: TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither`);
  }
  if (env.TLS_CLIENT_CA_FILE && !env.TLS_CERT_FILE) problems.push('TLS_CLIENT_CA_FILE: needs TLS_CERT_FILE and TLS_KEY_FILE');
  for (const name of ['TLS_CERT_FILE', 'TLS_KEY_FILE', 'TLS_CLIENT_CA_FILE'] as const) {
    const file = env[name];
    if (!file) continue;
    try {
      fs.accessSync(path.resolve(file), fs.constants.R_OK);
    } catch {
      problems.push(`${name}: cannot read "${file}"`);
    }
  }
  return problems;
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}
