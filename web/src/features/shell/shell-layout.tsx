// The frame of every signed-in screen: the header (the product, the main menu, the 通知 bell, who
// is signed in, 言語, ログアウト) and the screen below it. Screens added later hang under this route and
// add their entry to the menu.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { RequireSession } from '../auth/require-session';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/sign-out';
import { Loading } from '../../ui/loading';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { PasswordExpiryBanner } from './password-expiry-banner';
import { AdminMenuEntry } from '../admin/menu-entry';

export function ShellLayout() {
  return (
    <RequireSession>
      <Shell />
    </RequireSession>
  );
}

function Shell() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const signOut = useSignOut();
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="brand">
          Engawa
        </Link>
        <nav className="shell__nav" aria-label={t('shell.navigation')}>
          <NavLink to="/" end>
            {t('shell.portal')}
          </NavLink>
          <AdminMenuEntry />
        </nav>
        <div className="shell__user">
          <NotificationBell />
          <span className="user-name">{user?.name}</span>
          {user?.kind === 'guest' && <span className="badge">{t('shell.guest')}</span>}
          <LanguageSwitch />
          <button type="button" className="button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <PasswordExpiryBanner />
      <main className="shell__main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
