// The door of every signed-in page. Nobody signed in: to the login page, and back here after.
// A session that must first change an expired password or enrol the TOTP the domain requires
// gets that screen in place of the page, so a reload or a typed URL cannot skip it.
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { AllowListResetRequest, isRestrictionRefusal } from './allow-list-reset-request';
import { lastLoginWasGuest, loginPath, useSession } from './session';

const PasswordChangePage = lazy(() => import('./password-change-page').then((m) => ({ default: m.PasswordChangePage })));
const TotpEnrolmentPage = lazy(() => import('./totp-enrolment-page').then((m) => ({ default: m.TotpEnrolmentPage })));

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) {
    // Not "signed out": the server refused (an address outside the allow-list, …) and says why.
    return (
      <main className="page-message">
        <p role="alert">{errorText(session.error, t)}</p>
        {isRestrictionRefusal(session.error) && <AllowListResetRequest />}
      </main>
    );
  }
  if (!session.data) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={loginPath(lastLoginWasGuest(), here)} replace />;
  }
  const forced = session.data.passwordExpired ? <PasswordChangePage /> : session.data.totpSetupRequired ? <TotpEnrolmentPage /> : null;
  if (forced) return <Suspense fallback={<Loading />}>{forced}</Suspense>;
  return children;
}
