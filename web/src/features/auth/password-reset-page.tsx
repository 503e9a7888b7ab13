// パスワードの再設定, opened from the mailed link (`/password-reset/<token>`). The link is checked
// first, so a dead one says so before anyone types a new password; the token leaves the address
// bar once the page has loaded (link-token.ts).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { completePasswordReset, openPasswordReset } from '../../api/auth';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { AuthLayout } from './auth-layout';
import { forgetLinkToken, useLinkToken } from './link-token';
import type { SignInState } from './sign-in-page';

export function PasswordResetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useLinkToken('/password-reset');
  const info = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => openPasswordReset(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: (newPassword: string) => completePasswordReset(token ?? '', { newPassword }),
    onSuccess: () => {
      forgetLinkToken('/password-reset');
      const state: SignInState = { notice: t('reset.done'), ...(info.data ? { login: info.data.login } : {}) };
      void navigate(info.data?.guest ? '/login/guest' : '/login', { replace: true, state });
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

  let body;
  if (token === null || info.isError)
    body = (
      <>
        <p className="form-error" role="alert">
          {token === null ? t('reset.noToken') : errorText(info.error, t)}
        </p>
        <ul className="links">
          <li>
            <Link to="/forgot-password">{t('reset.again')}</Link>
          </li>
        </ul>
      </>
    );
  else if (info.isPending) body = <Loading />;
  else
    body = (
      <>
        <p>{t('reset.account', { login: info.data.login })}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <Field label={t('passwordChange.new')} name="newPassword" type="password" autoComplete="new-password" required error={errors.field('newPassword')} />
          <Field label={t('passwordChange.again')} name="again" type="password" autoComplete="new-password" required error={mismatch ? t('passwordChange.mismatch') : undefined} />
          <SubmitButton pending={reset.isPending}>{t('reset.submit')}</SubmitButton>
        </form>
      </>
    );
  return <AuthLayout title={t('reset.title')}>{body}</AuthLayout>;
}
