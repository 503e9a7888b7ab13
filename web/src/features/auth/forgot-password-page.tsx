// パスワードを忘れた場合: asks for a reset link. The server answers the same whether or not the
// account exists, and so does this page.
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requestPasswordReset } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const guest = params.get('guest') === '1';
  const request = useMutation({ mutationFn: requestPasswordReset });
  const errors = formErrors(request.error, ['login'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    request.mutate({ login: String(new FormData(e.currentTarget).get('login') ?? '').trim(), guest });
  }

  return (
    <AuthLayout title={t('forgot.title')}>
      {request.isSuccess ? (
        <Notice>{t('forgot.sent')}</Notice>
      ) : (
        <>
          <p>{guest ? t('forgot.guestHint') : t('forgot.hint')}</p>
          <form className="form" onSubmit={onSubmit} noValidate>
            <FormError errors={errors} />
            <Field
              label={guest ? t('signIn.email') : t('signIn.login')}
              name="login"
              type={guest ? 'email' : 'text'}
              autoComplete="username"
              autoCapitalize="none"
              required
              error={errors.field('login')}
            />
            <SubmitButton pending={request.isPending}>{t('forgot.submit')}</SubmitButton>
          </form>
        </>
      )}
      <ul className="links">
        <li>
          <Link to={guest ? '/login/guest' : '/login'}>{t('common.backToLogin')}</Link>
        </li>
      </ul>
    </AuthLayout>
  );
}
