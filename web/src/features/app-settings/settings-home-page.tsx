// 設定 (tab): the other settings, grouped as kintone groups them — 一般設定 and プロセス管理,
// 通知 (three kinds), アクセス権 (app, records, fields).
import { Link } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { useSettingsTarget } from './settings-data';
import { strings } from './strings';
import { strings as publicViewStrings } from '../public-views/strings';

export function SettingsHomePage() {
  const s = useStrings(strings);
  const pv = useStrings(publicViewStrings);
  const { appId, place } = useSettingsTarget();
  const to = (p: string) => place.page(`/app/${appId}/settings/${p}`);
  return (
    <div className="as-home">
      <section className="panel" aria-labelledby="as-home-general">
        <h2 id="as-home-general">{s.sections.general}</h2>
        <ul className="as-links">
          <li>
            <Link to={to('general')}>{s.sections.general}</Link>
            <span className="muted">{s.sections.generalHint}</span>
          </li>
          <li>
            <Link to={to('process')}>{s.sections.process}</Link>
            <span className="muted">{s.sections.processHint}</span>
          </li>
          <li>
            <Link to={to('api-tokens')}>{s.sections.apiTokens}</Link>
            <span className="muted">{s.sections.apiTokensHint}</span>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="as-home-notifications">
        <h2 id="as-home-notifications">{s.sections.notifications}</h2>
        <ul className="as-links">
          <li>
            <Link to={to('notifications/general')}>{s.sections.generalNotifications}</Link>
          </li>
          <li>
            <Link to={to('notifications/record')}>{s.sections.perRecordNotifications}</Link>
          </li>
          <li>
            <Link to={to('notifications/reminder')}>{s.sections.reminderNotifications}</Link>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="as-home-acl">
        <h2 id="as-home-acl">{s.sections.permissions}</h2>
        <ul className="as-links">
          <li>
            <Link to={to('acl/app')}>{s.sections.appPermissions}</Link>
          </li>
          <li>
            <Link to={to('acl/record')}>{s.sections.recordPermissions}</Link>
          </li>
          <li>
            <Link to={to('acl/field')}>{s.sections.fieldPermissions}</Link>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="as-home-public-views">
        <h2 id="as-home-public-views">{pv.title}</h2>
        <ul className="as-links">
          <li>
            <Link to={to('public-views')}>{pv.title}</Link>
            <span className="muted">{pv.entryHint}</span>
          </li>
        </ul>
      </section>
    </div>
  );
}
