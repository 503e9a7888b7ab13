// "Locked out by the IP address restriction?": wherever the web app shows that the allow-list (or
// the Basic authentication and Secure Access that come with it) refused this browser — the login
// page, the refusal in place of a signed-in page, a dead allow-list reset link — an administrator
// can ask for the mailed link that lifts the restriction (allow-list-reset-page.tsx). The server
// answers alike whether or not anything was sent, and so does this form.
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestAllowListReset } from '../../api/allow-list-reset';
import { ApiError } from '../../api/client';
import { formErrors } from '../../ui/errors';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';

/** The refusals of a regular user from outside the domain's allow-list (plugins/restrictions.ts). */
const RESTRICTION_CODES: ReadonlySet<string> = new Set(['CB_IP01', 'CB_BA01', 'CB_CE01']);

export function isRestrictionRefusal(error: unknown): boolean {
  return error instanceof ApiError && RESTRICTION_CODES.has(error.code);
}

/** Folded under one line unless `open`; `login` fills the field (what the login page was given). */
export function AllowListResetRequest({ login, open = false }: { login?: string | undefined; open?: boolean }) {
  const { t } = useTranslation();
  const request = useMutation({ mutationFn: requestAllowListReset });
  const errors = formErrors(request.error, ['login'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    request.mutate({ login: String(new FormData(e.currentTarget).get('login') ?? '').trim() });
  }

  return (
    <details className="lockout" open={open}>
      <summary>{t('allowListReset.ask')}</summary>
      {request.isSuccess ? (
        <Notice>{t('allowListReset.sent')}</Notice>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <p className="muted">{t('allowListReset.askHint')}</p>
          <FormError errors={errors} />
          <Field
            label={t('allowListReset.login')}
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={login ?? ''}
            error={errors.field('login')}
          />
          <SubmitButton pending={request.isPending}>{t('allowListReset.send')}</SubmitButton>
        </form>
      )}
    </details>
  );
}
