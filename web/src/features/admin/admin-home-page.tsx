// 管理: the two areas and what each screen is for.
import { Link } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { COMMON, SYSTEM } from './nav';
import { PageHeading } from './admin-ui';
import { strings } from './strings';

export function AdminHomePage() {
  const s = useStrings(strings);
  return (
    <div className="admin-page">
      <PageHeading title={s.title} />
      {[
        { title: s.common, links: COMMON },
        { title: s.system, links: SYSTEM },
      ].map((area) => (
        <section key={area.title} className="panel">
          <h2>{area.title}</h2>
          <ul className="admin-home">
            {area.links.map((l) => (
              <li key={l.key}>
                <Link to={l.to}>{s.nav[l.key]}</Link>
                <span className="muted">{s.homeHints[l.key]}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
