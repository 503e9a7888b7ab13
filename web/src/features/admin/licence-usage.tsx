// What the domain uses against its contract: users, guests by licence state (ゲストユーザーの
// ライセンスの使用状況), apps and spaces against the course's limits; and the guests' licence
// list (state, trial end), filtered by state and paged.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UsageJson } from '../../../../common/api/licences.js';
import type { LicenceState } from '../../../../common/licences/guest-licence.js';
import { listLicenceGuests } from '../../api/admin-licences';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { AccountStatus, AdminTable, Pager, QueryError, useTimeZone } from './admin-ui';
import { formatDateTime, formatNumber } from './format';
import { guestStrings } from './guest-strings';
import { LicenceBadge, TrialEnds } from './licence-badge';
import { licenceStrings } from './licence-strings';
import { strings } from './strings';

export function UsageSection({ usage }: { usage: UsageJson }) {
  const s = useStrings(strings);
  const l = useStrings(licenceStrings);
  const held = (n: number | null) => (n === null ? l.noneContracted : formatNumber(n));
  const limited = (count: number, limit: number | null) => (limit === null ? `${formatNumber(count)}（${l.unlimited}）` : l.ofLimit(formatNumber(count), formatNumber(limit)));
  const g = usage.guests;
  return (
    <section className="panel" aria-labelledby="licence-usage">
      <h2 id="licence-usage">{l.usage}</h2>
      <div className="usage-grid">
        <UsageCard title={l.users} rows={[[l.active, formatNumber(usage.users.active)], [l.inactive, formatNumber(usage.users.suspended)], [l.licences, held(usage.users.licences)]]} />
        <UsageCard
          title={l.guestUsage}
          over={g.licences !== null && g.required > g.licences}
          rows={[[s.licence.trial, formatNumber(g.trial)], [s.licence.required, formatNumber(g.required)], [s.licence.notRequired, formatNumber(g.notRequired)], [l.licences, held(g.licences)]]}
        />
        <UsageCard title={`${l.apps}・${l.spaces}`} rows={[[l.apps, limited(usage.apps.count, usage.apps.limit)], [l.spaces, limited(usage.spaces.count, usage.spaces.limit)]]} />
      </div>
    </section>
  );
}

function UsageCard({ title, rows, over }: { title: string; rows: Array<[string, string]>; over?: boolean }) {
  return (
    <div className={over ? 'usage-card usage-card--over' : 'usage-card'}>
      <h3>{title}</h3>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const PAGE_SIZE = 50;
const STATES: readonly LicenceState[] = ['trial', 'required', 'notRequired'];

export function GuestLicences() {
  const s = useStrings(strings);
  const l = useStrings(licenceStrings);
  const g = useStrings(guestStrings);
  const tz = useTimeZone();
  const [state, setState] = useState<LicenceState | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const guests = useQuery({ queryKey: ['admin', 'licence-guests', state, offset], queryFn: () => listLicenceGuests(state, offset, PAGE_SIZE), placeholderData: keepPreviousData });
  return (
    <section className="panel" aria-labelledby="licence-guests">
      <h2 id="licence-guests">{l.guestList}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="licence-state">{l.licenceFilter}</label>
          <select
            id="licence-state"
            value={state ?? ''}
            onChange={(e) => {
              setOffset(0);
              setState(STATES.find((x) => x === e.target.value));
            }}
          >
            <option value="">{s.all}</option>
            {STATES.map((x) => (
              <option key={x} value={x}>
                {s.licence[x]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {guests.isError ? (
        <QueryError error={guests.error} />
      ) : !guests.data ? (
        <Loading />
      ) : guests.data.guests.length === 0 ? (
        <p className="empty">{l.guestEmpty}</p>
      ) : (
        <>
          <Pager offset={offset} shown={guests.data.guests.length} pageSize={PAGE_SIZE} total={guests.data.totalCount} onChange={setOffset} />
          <AdminTable columns={[g.company, g.name, g.email, g.status, g.lastLogin, g.licence, g.trialEnds]}>
            {guests.data.guests.map((x) => (
              <tr key={x.id}>
                <td data-label={g.company}>{x.company}</td>
                <td data-label={g.name}>{x.name}</td>
                <td data-label={g.email} className="cell-wrap">
                  {x.email}
                </td>
                <td data-label={g.status}>
                  <AccountStatus valid={x.valid} />
                </td>
                <td data-label={g.lastLogin} className="nowrap">{formatDateTime(x.lastLoginAt, tz)}</td>
                <td data-label={g.licence}>
                  <LicenceBadge state={x.state} />
                </td>
                <td data-label={g.trialEnds} className="nowrap">
                  <TrialEnds state={x.state} trialEnds={x.trialEnds} />
                </td>
              </tr>
            ))}
          </AdminTable>
        </>
      )}
    </section>
  );
}
