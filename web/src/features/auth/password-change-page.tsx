// パスワードの変更, forced: a session opened with an expired password can do nothing else
// (CB_PE01 everywhere) until it sets a new one; the server then hands out a full session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { AuthLayout } from './auth-layout';
import { SESSION_KEY } from './session';
import { useSignOut } from './sign-out';

export function PasswordChangePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  const errors = formErrors(change.error, ['currentPassword', 'newPassword'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const newPassword = String(data.get('newPassword') ?? '');
    const same = newPassword === String(data.get('again') ?? '');
    setMismatch(!same);
    if (same) change.mutate({ currentPassword: String(data.get('currentPassword') ?? ''), newPassword });
  }

  return (
    <AuthLayout title={t('passwordChange.title')}>
      <p>{t('passwordChange.expired')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={t('passwordChange.current')} name="currentPassword" type="password" autoComplete="current-password" required error={errors.field('currentPassword')} />
        <Field label={t('passwordChange.new')} name="newPassword" type="password" autoComplete="new-password" required error={errors.field('newPassword')} />
        <Field label={t('passwordChange.again')} name="again" type="password" autoComplete="new-password" required error={mismatch ? t('passwordChange.mismatch') : undefined} />
        <SubmitButton pending={change.isPending}>{t('passwordChange.submit')}</SubmitButton>
      </form>
      <ul className="links">
        <li>
          <button type="button" className="link-button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </button>
        </li>
      </ul>
    </AuthLayout>
  );
}
