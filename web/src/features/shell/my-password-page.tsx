// パスワードの変更 chosen by the user (the expiry banner leads here): the current password, then
// the new one under the domain's policy. The server keeps this session under a new id.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStrings } from '../../i18n/area-strings';
import { usePageTitle } from '../../ui/page-title';
import { PasswordChangeForm } from '../auth/password-change-form';
import { expiryStrings } from './password-expiry-strings';

export function MyPasswordPage() {
  const { t } = useTranslation();
  const s = useStrings(expiryStrings);
  usePageTitle(t('passwordChange.title'));
  const [done, setDone] = useState(false);
  return (
    <section className="card">
      <h1>{t('passwordChange.title')}</h1>
      {done ? (
        <p className="notice" role="status">
          {s.changed}
        </p>
      ) : (
        <>
          <p>{s.changeHint}</p>
          <PasswordChangeForm onDone={() => setDone(true)} />
        </>
      )}
    </section>
  );
}
