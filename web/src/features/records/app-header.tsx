// The top of every record screen: ポータル > app name as a breadcrumb, the app's name, and the
// guest-space badge that keeps the boundary visible (glossary §3.7).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Place } from '../../api/place';
import { useStrings } from '../../i18n/area-strings';
import { strings } from './strings';

export function AppHeader({ place, appId, name, current, children }: { place: Place; appId: string; name: string; current?: string; children?: ReactNode }) {
  const s = useStrings(strings);
  return (
    <header className="app-header">
      <nav aria-label={s.breadcrumbs} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{s.portal}</Link>
          </li>
          <li>{current ? <Link to={place.page(`/app/${appId}`)}>{name}</Link> : <span aria-current="page">{name}</span>}</li>
          {current && (
            <li>
              <span aria-current="page">{current}</span>
            </li>
          )}
        </ol>
      </nav>
      <div className="app-header__title">
        <h1>{current ?? name}</h1>
        {place.guestSpaceId && <span className="badge badge--guest">{s.guestSpace}</span>}
        {children}
      </div>
    </header>
  );
}
