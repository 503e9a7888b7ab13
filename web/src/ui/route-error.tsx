// A screen that failed to load or render. The usual cause is a new version deployed while the
// page was open (its old script files are gone), which a reload fixes.
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { errorText } from './errors';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main className="page-message">
      <p role="alert">{errorText(error, t)}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </main>
  );
}
