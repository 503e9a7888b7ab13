// A view's e-mail authentication and registered visitors (a tab of the view's pages): the sign-in
// setting, then the visitors — the list, adding one by hand, a CSV import and a sync from an app.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSettingsTarget } from '../app-settings/settings-data';
import { listPublicViews, publicViewsKey } from './api';
import { EmailAuthSection } from './email-auth-section';
import { strings } from './strings';
import { ViewTabs } from './view-tabs';
import { VisitorsSection } from './visitors-section';
import { visitorStrings } from './visitor-strings';
import './public-views.css';

export function VisitorsPage() {
  const { viewId = '' } = useParams();
  const s = useStrings(visitorStrings);
  const pv = useStrings(strings);
  const { t } = useTranslation();
  const { appId, place } = useSettingsTarget();
  const views = useQuery({ queryKey: publicViewsKey(appId), queryFn: () => listPublicViews(appId) });
  const view = views.data?.find((v) => v.id === viewId);
  usePageTitle(view ? s.pageTitle(view.title) : s.tabVisitors);
  if (views.isError) return <p className="form-error">{errorText(views.error, t)}</p>;
  if (!views.data) return <Loading />;
  if (!view) return <p className="form-error">{t('errors.unexpected')}</p>;
  return (
    <section className="pvm" aria-labelledby="pvm-visitors-title">
      <div className="pvm-head">
        <h2 id="pvm-visitors-title">{s.pageTitle(view.title)}</h2>
        <Link to={place.page(`/app/${appId}/settings/public-views`)}>{pv.back}</Link>
      </div>
      <ViewTabs viewId={view.id} />
      <EmailAuthSection view={view} />
      <VisitorsSection view={view} />
    </section>
  );
}
