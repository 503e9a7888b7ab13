// The registry of every message Engawa sends. enqueueMail is typed against it, so a caller
// cannot queue a template that does not exist or pass it the wrong params.
import { invitationMail } from './invitation.js';
import { notificationMail } from './notification.js';
import { passwordReset } from './password-reset.js';
import { registrationCompleteMail } from './registration-complete.js';
import { setupLink } from './setup-link.js';
import { signInCode } from './sign-in-code.js';
import { testMessage } from './test-message.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const TEMPLATES = {
  'setup-link': setupLink,
  'sign-in-code': signInCode,
  'test-message': testMessage,
  notification: notificationMail,
  'password-reset': passwordReset,
  invitation: invitationMail,
  'registration-complete': registrationCompleteMail,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

export type ParamsOf<K extends TemplateName> = (typeof TEMPLATES)[K] extends MailTemplate<infer P> ? P : never;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** Thrown when a stored message can never be rendered: retrying would not help. */
export class UnrenderableMailError extends Error {}

/**
 * Renders a stored message. The name and params come back from the database, so both are
 * checked again here rather than trusted.
 */
export function renderMail(template: string, params: unknown, locale: MailLocale): RenderedMail {
  if (!isTemplateName(template)) throw new UnrenderableMailError(`unknown mail template "${template}"`);
  const entry = TEMPLATES[template] as MailTemplate<unknown>;
  const parsed = entry.params.safeParse(params);
  if (!parsed.success) {
    throw new UnrenderableMailError(
      // Names the fields only: their values may be secrets (a setup link) and end up in logs.
      `params do not fit template "${template}": ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
    );
  }
  const out = entry.render(parsed.data, locale === 'en' ? 'en' : 'ja');
  // A subject is a header: a line break from a future template must not start a new one.
  return { ...out, subject: out.subject.replace(/[\r\n]+/g, ' ') };
}
