// パスワードの変更, forced: a session opened with an expired password can do nothing else
// (CB_PE01 everywhere) until it sets a new one; the server then hands out a full session.
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './auth-layout';
import { PasswordChangeForm } from './password-change-form';
import { useSignOut } from './sign-out';

export function PasswordChangePage() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <AuthLayout title={t('passwordChange.title')}>
      <p>{t('passwordChange.expired')}</p>
      <PasswordChangeForm />
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
