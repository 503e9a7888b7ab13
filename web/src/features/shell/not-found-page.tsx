// An address no screen answers. Says so plainly and offers the way back (ポータルに戻る); it
// never hints whether something exists elsewhere.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../auth/auth-layout';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('notFound.title')}>
      <p>{t('notFound.hint')}</p>
      <ul className="links">
        <li>
          <Link to="/">{t('notFound.back')}</Link>
        </li>
      </ul>
    </AuthLayout>
  );
}
