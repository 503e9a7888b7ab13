// Where rendered mail goes. With SMTP_URL set it is handed to the relay; without it Engawa runs
// an "embedded outbox": the row in mail_outbox is the mail, administrators read it there, and
// the log line lets an operator pick up a setup link before any mail is configured.
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@engawa>`, the same on every attempt. */
  messageId: string;
}

export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(message: OutgoingMail): Promise<void>;
  close(): void;
}

/** The part of a pino logger the mail module uses. */
export interface MailLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function createTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: MailLogger): MailTransport {
  if (!config.smtpUrl) {
    return {
      kind: 'outbox',
      async send(m) {
        logger.info(
          { mail: { to: m.to, subject: m.subject, text: m.text, messageId: m.messageId } },
          'mail kept in the outbox (SMTP_URL is not set)',
        );
      },
      close() {},
    };
  }
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    // Bounded, so a hung relay cannot hold a claimed message (or shutdown) for nodemailer's
    // ten-minute default; the claim itself lapses after five.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  return {
    kind: 'smtp',
    async send(m) {
      await transporter.sendMail({
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
      });
    },
    close() {
      transporter.close();
    },
  };
}

const MAX_ERROR_LENGTH = 500;

/**
 * What may be stored in lastError and logged: one line, bounded, with the relay's credentials
 * removed (an SMTP URL carries them, and some errors echo the URL back).
 */
export function describeSendError(err: unknown, smtpUrl?: string): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  let text = typeof e?.message === 'string' ? e.message : String(err);
  if (typeof e?.code === 'string' && !text.includes(e.code)) text = `${e.code}: ${text}`;
  for (const secret of credentialsOf(smtpUrl)) text = text.split(secret).join('***');
  text = text.replace(/\b(smtps?:\/\/)[^@\s/]*@/gi, '$1***@').replace(/\s+/g, ' ').trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function credentialsOf(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  try {
    const u = new URL(smtpUrl);
    // Only the password: masking a short user name would garble ordinary words in the message.
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length >= 3);
  } catch {
    return [];
  }
}
