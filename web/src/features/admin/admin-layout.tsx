// The administration area: its menu in kintone's two parts (共通管理 and システム管理), the
// licence warning that stays while guests in use exceed the guest licences, and the screen. The
// server decides who gets in: the first call refused with 403 shows the refusal page and no menu.
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useMatch } from 'react-router';
import type { LicenceWarning } from '../../../../common/api/licences.js';
import { getUsage } from '../../api/admin-licences';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { NoPermission, QueryError, isRefused } from './admin-ui';
import { COMMON, type NavEntry, SYSTEM } from './nav';
import { USAGE_KEY } from './queries';
import { strings } from './strings';
import './admin.css';

export function AdminLayout() {
  const s = useStrings(strings);
  const usage = useQuery({ queryKey: USAGE_KEY, queryFn: getUsage, staleTime: 30_000 });
  const home = useMatch('/admin') !== null;
  if (usage.isPending) return <Loading />;
  if (usage.isError && isRefused(usage.error)) return <NoPermission />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={s.menu}>
        <NavLink to="/admin" end className="admin-nav__home">
          {s.title}
        </NavLink>
        <NavGroup title={s.common} links={COMMON} />
        <NavGroup title={s.system} links={SYSTEM} />
      </nav>
      <div className="admin-main">
        {!home && (
          <Link to="/admin" className="admin-crumb">
            ‹ {s.title}
          </Link>
        )}
        {usage.isError ? <QueryError error={usage.error} /> : <LicenceWarnings warnings={usage.data.warnings} />}
        <Outlet />
      </div>
    </div>
  );
}

function NavGroup({ title, links }: { title: string; links: readonly NavEntry[] }) {
  const s = useStrings(strings);
  return (
    <div className="admin-nav__group">
      <p className="admin-nav__title">{title}</p>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <NavLink to={l.to}>{s.nav[l.key]}</NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The persistent warning (docs/licences.md): shown on every administration page until dealt with. */
function LicenceWarnings({ warnings }: { warnings: LicenceWarning[] }) {
  const s = useStrings(strings);
  if (warnings.length === 0) return null;
  return (
    <section className="banner banner--warning" aria-label={s.warningLabel}>
      {warnings.map((w) => (
        <p key={w.code}>{s.warnings[w.code](w.inUse, w.licences)}</p>
      ))}
      <NavLink to="/admin/licences">{s.seeLicences}</NavLink>
    </section>
  );
}
