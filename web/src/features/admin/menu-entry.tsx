// The header's entry into administration (管理 / Administration), shown to administrators only,
// as kintone's gear menu shows its administration items. Kept apart from the area's words so the
// frame carries two words, not the area's strings. The server still refuses everyone else.
import { NavLink } from 'react-router';
import { defineStrings, useStrings } from '../../i18n/area-strings';
import { useSession } from '../auth/session';

const words = defineStrings({ administration: 'Administration' }, { administration: '管理' });

export function AdminMenuEntry() {
  const w = useStrings(words);
  if (!useSession().data?.user.isAdmin) return null;
  return (
    <NavLink to="/admin" className="shell__admin">
      <span aria-hidden="true">⚙ </span>
      {w.administration}
    </NavLink>
  );
}
