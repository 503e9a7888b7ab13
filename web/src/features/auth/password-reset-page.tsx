// パスワードの再設定, opened from the mailed link (`/password-reset/<token>`). The link is checked
// first, so a dead one says so before anyone types a new password; the token leaves the address
// bar once the page has loaded (link-token.ts).
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { completePasswordReset, openPasswordReset } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { LinkPage, useOpenedLink } from './link-page';
import { forgetLinkToken } from './link-token';
import type { SignInState } from './sign-in-page';

export function PasswordResetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = useOpenedLink('/password-reset', openPasswordReset);
  const info = link.info.data;
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: (newPassword: string) => completePasswordReset(link.token ?? '', { newPassword }),
    onSuccess: () => {
      forgetLinkToken('/password-reset');
      const state: SignInState = { notice: t('reset.done'), ...(info ? { login: info.login } : {}) };
      void navigate(info?.guest ? '/login/guest' : '/login', { replace: true, state });
    },
  });
  const errors = formErrors(reset.error, ['newPassword'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const newPassword = String(data.get('newPassword') ?? '');
    const same = newPassword === String(data.get('again') ?? '');
    setMismatch(!same);
    if (same) reset.mutate(newPassword);
  }

  return (
    <LinkPage
      title={t('reset.title')}
      link={link}
      noToken={t('reset.noToken')}
      back={{ to: '/forgot-password', label: t('reset.again') }}
      account={(opened) => t('reset.account', { login: opened.login })}
    >
      {() => (
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <Field label={t('passwordChange.new')} name="newPassword" type="password" autoComplete="new-password" required error={errors.field('newPassword')} />
          <Field label={t('passwordChange.again')} name="again" type="password" autoComplete="new-password" required error={mismatch ? t('passwordChange.mismatch') : undefined} />
          <SubmitButton pending={reset.isPending}>{t('reset.submit')}</SubmitButton>
        </form>
      )}
    </LinkPage>
  );
}
