// The pages of one view: its settings, and its e-mail authentication and registered visitors.
import { NavLink } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { useSettingsTarget } from '../app-settings/settings-data';
import { visitorStrings } from './visitor-strings';

export function ViewTabs({ viewId }: { viewId: string }) {
  const s = useStrings(visitorStrings);
  const { appId, place } = useSettingsTarget();
  const base = place.page(`/app/${appId}/settings/public-views/${viewId}`);
  return (
    <nav className="pvm-tabs" aria-label={s.tabs}>
      <NavLink end to={base} className="pvm-tab">
        {s.tabSettings}
      </NavLink>
      <NavLink end to={`${base}/visitors`} className="pvm-tab">
        {s.tabVisitors}
      </NavLink>
    </nav>
  );
}
