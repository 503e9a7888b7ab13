// ユーザー: every regular user, searched by login name, display name or e-mail address, filtered
// by status and paged (GET /v1/users/search.json). The search lives in the address, so going
// back from a user's page returns to the same page of the same search.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchUsers } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { AccountStatus, AdminTable, PageHeading, Pager, QueryError, useTimeZone, usePageInAddress } from './admin-ui';
import { directoryStrings } from './directory-strings';
import { formatDateTime } from './format';
import { strings } from './strings';

const PAGE_SIZE = 20;

export function UsersPage() {
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).users;
  const tz = useTimeZone();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const valid = params.get('valid');
  const { offset, page } = usePageInAddress();
  const search = { ...(q ? { q } : {}), ...(valid === 'true' || valid === 'false' ? { valid: valid === 'true' } : {}), offset, size: PAGE_SIZE };
  const users = useQuery({ queryKey: ['admin', 'users', search], queryFn: () => searchUsers(search), placeholderData: keepPreviousData });

  function onSearch(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    const text = String(data.get('q') ?? '').trim();
    const status = String(data.get('valid') ?? '');
    if (text) next.set('q', text);
    if (status) next.set('valid', status);
    setParams(next);
  }

  return (
    <div className="admin-page">
      <PageHeading title={d.title}>
        <Link to="/admin/users/new" className="button button--primary">
          {d.add}
        </Link>
      </PageHeading>
      <form className="filters" role="search" onSubmit={onSearch} key={params.toString()}>
        <div className="field filters__grow">
          <label htmlFor="users-q">{d.search}</label>
          <input id="users-q" name="q" type="search" defaultValue={q} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="users-valid">{d.status}</label>
          <select id="users-valid" name="valid" defaultValue={valid ?? ''}>
            <option value="">{s.all}</option>
            <option value="true">{s.status.active}</option>
            <option value="false">{s.status.inactive}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {s.search}
        </button>
      </form>
      {users.isError ? (
        <QueryError error={users.error} />
      ) : !users.data ? (
        <Loading />
      ) : users.data.users.length === 0 ? (
        <p className="empty panel">{q || valid ? d.noMatch : d.empty}</p>
      ) : (
        <>
          <Pager offset={offset} shown={users.data.users.length} pageSize={PAGE_SIZE} total={Number(users.data.totalCount)} onChange={page} />
          <AdminTable columns={[d.code, d.name, d.email, d.status, d.admin, d.lastLogin]}>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <td data-label={d.code}>
                  <Link to={`/admin/users/${encodeURIComponent(u.code)}`}>{u.code}</Link>
                </td>
                <td data-label={d.name}>{u.name}</td>
                <td data-label={d.email} className="cell-wrap">
                  {u.email}
                </td>
                <td data-label={d.status}>
                  <AccountStatus valid={u.valid} locked={u.locked} />
                </td>
                <td data-label={d.admin}>{u.isAdmin ? s.yes : ''}</td>
                <td data-label={d.lastLogin} className="nowrap">{formatDateTime(u.lastLoginAt, tz)}</td>
              </tr>
            ))}
          </AdminTable>
          {users.data.users.length > 10 && <Pager offset={offset} shown={users.data.users.length} pageSize={PAGE_SIZE} total={Number(users.data.totalCount)} onChange={page} />}
        </>
      )}
    </div>
  );
}
