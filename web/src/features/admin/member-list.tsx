// The users of a department or group, each a link to the user's page (where memberships change).
import { Link } from 'react-router';
import type { MemberJson } from '../../../../common/api/memberships.js';
import { Loading } from '../../ui/loading';
import { AccountStatus, QueryError } from './admin-ui';

interface MembersQuery {
  data: MemberJson[] | undefined;
  error: unknown;
}

export function MemberList({ query, empty, hint }: { query: MembersQuery; empty: string; hint: string }) {
  if (query.error) return <QueryError error={query.error} />;
  if (!query.data) return <Loading />;
  return (
    <>
      {query.data.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="list member-list">
          {query.data.map((m) => (
            <li key={m.id}>
              <Link to={`/admin/users/${encodeURIComponent(m.code)}`}>{m.name}</Link> <span className="muted">{m.code}</span> {!m.valid && <AccountStatus valid={false} />}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{hint}</p>
    </>
  );
}
