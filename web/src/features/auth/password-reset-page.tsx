// パスワードの再設定, opened from the mailed link (`/password-reset/<token>`). The link is checked
// first, so a dead one says so before anyone types a new password.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { completePasswordReset, openPasswordReset } from '../../api/auth';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { AuthLayout } from './auth-layout';
import type { SignInState } from './sign-in-page';

export function PasswordResetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useParams().token ?? '';
  const info = useQuery({ queryKey: ['password-reset', token], queryFn: () => openPasswordReset(token), retry: false, staleTime: Infinity });
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: (newPassword: string) => completePasswordReset(token, { newPassword }),
    onSuccess: () => {
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
  if (info.isPending) body = <Loading />;
  else if (info.isError)
    body = (
      <>
        <p className="form-error" role="alert">
          {errorText(info.error, t)}
        </p>
        <ul className="links">
          <li>
            <Link to="/forgot-password">{t('reset.again')}</Link>
          </li>
        </ul>
      </>
    );
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
