// The registry of every message Engawa sends. enqueueMail is typed against it, so a caller
// cannot queue a template that does not exist or pass it the wrong params.
import { allowListReset } from './allow-list-reset.js';
import { invitationMail } from './invitation.js';
import { licenceReminderMail } from './licence-reminder.js';
import { notificationMail } from './notification.js';
import { passwordReset } from './password-reset.js';
import { publicViewBusyMail } from './public-view-busy.js';
import { publicViewSignIn } from './public-view-sign-in.js';
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
  'allow-list-reset': allowListReset,
  invitation: invitationMail,
  'registration-complete': registrationCompleteMail,
  'licence-reminder': licenceReminderMail,
  'public-view-sign-in': publicViewSignIn,
  'public-view-busy': publicViewBusyMail,
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
  const { entry, data } = checked(template, params);
  return render(entry, data, locale);
}

/**
 * The copy of a sent message that may be kept where administrators read it: with its secrets
 * masked, and the params it was rendered from. Null for a message that carries no secret.
 */
export function renderKeptCopy(template: string, params: unknown, locale: MailLocale): { params: unknown; mail: RenderedMail } | null {
  const { entry, data } = checked(template, params);
  if (!entry.redact) return null;
  const masked = entry.redact(data);
  return { params: masked, mail: render(entry, masked, locale) };
}

function checked(template: string, params: unknown): { entry: MailTemplate<unknown>; data: unknown } {
  if (!isTemplateName(template)) throw new UnrenderableMailError(`unknown mail template "${template}"`);
  const entry = TEMPLATES[template] as MailTemplate<unknown>;
  const parsed = entry.params.safeParse(params);
  if (!parsed.success) {
    throw new UnrenderableMailError(
      // Names the fields only: their values may be secrets (a setup link) and end up in logs.
      `params do not fit template "${template}": ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
    );
  }
  return { entry, data: parsed.data };
}

function render(entry: MailTemplate<unknown>, params: unknown, locale: MailLocale): RenderedMail {
  const out = entry.render(params, locale === 'en' ? 'en' : 'ja');
  // A subject is a header: a line break from a future template must not start a new one.
  return { ...out, subject: out.subject.replace(/[\r\n]+/g, ' ') };
}
