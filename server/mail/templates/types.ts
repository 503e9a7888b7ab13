import type { z } from 'zod';
import type { Locale } from '../../../common/access.js';

export type MailLocale = Locale;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * One message: the schema its stored params must satisfy (they are re-read from the outbox at
 * send time, possibly by a newer version of the server) and the renderer.
 */
export interface MailTemplate<P> {
  params: z.ZodType<P>;
  render: (params: P, locale: MailLocale) => RenderedMail;
  /**
   * For messages that carry a secret: the params with it masked. The copy kept in the outbox
   * after delivery by SMTP is rendered from these (secrets.ts).
   */
  redact?: (params: P) => P;
}
