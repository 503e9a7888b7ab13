// 未処理 (Assigned to me) on the portal: per app, how many records wait for me; opening one lists
// those records (paged), each linking to its details.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AssignedApp, type AssignedRecord, assignedApps, assignedRecords } from '../../api/notifications';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { appPage } from './format';
import { strings } from './strings';

const PAGE = 20;

export function PortalAssigned({ appSpace }: { appSpace(appId: string): string | null }) {
  const s = useStrings(strings).portal;
  const { t } = useTranslation();
  const id = useId();
  const apps = useQuery({ queryKey: ['portal', 'assigned'], queryFn: assignedApps });
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{s.assigned}</h2>
      {apps.isError ? (
        <p className="form-error" role="alert">
          {errorText(apps.error, t)}
        </p>
      ) : !apps.data ? (
        <Loading />
      ) : apps.data.length === 0 ? (
        <p className="empty">{s.noAssigned}</p>
      ) : (
        <ul className="list">
          {apps.data.map((a) => (
            <AssignedAppRow key={a.app} app={a} guestSpace={appSpace(a.app)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function recordTitle(r: AssignedRecord): { id: string; number: string } {
  const id = String(r.$id?.value ?? '');
  const numberField = Object.values(r).find((f) => f.type === 'RECORD_NUMBER');
  return { id, number: String(numberField?.value ?? id) };
}

function AssignedAppRow({ app, guestSpace }: { app: AssignedApp; guestSpace: string | null }) {
  const s = useStrings(strings).portal;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const records = useInfiniteQuery({
    queryKey: ['portal', 'assigned', app.app],
    queryFn: ({ pageParam }) => assignedRecords(app.app, pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.records.length === PAGE ? pages.length * PAGE : undefined),
    enabled: open,
  });
  const list = records.data?.pages.flatMap((p) => p.records) ?? [];
  return (
    <li>
      <div className="list__row">
        <Link to={appPage(app.app, guestSpace)} className="list__name">
          {app.name}
        </Link>
        <button type="button" className="link-button" aria-expanded={open} aria-label={s.showRecords(app.name)} onClick={() => setOpen(!open)}>
          {s.assignedCount(app.totalCount)}
        </button>
      </div>
      {open &&
        (records.isError ? (
          <p className="form-error">{errorText(records.error, t)}</p>
        ) : !records.data ? (
          <Loading />
        ) : (
          <ul className="assigned-records">
            {list.map((r) => {
              const { id, number } = recordTitle(r);
              return (
                <li key={id}>
                  <Link to={appPage(app.app, guestSpace, `/show/${id}`)}>{s.record(number)}</Link>
                </li>
              );
            })}
            {records.hasNextPage && (
              <li>
                <button type="button" className="link-button" onClick={() => void records.fetchNextPage()}>
                  {s.more}
                </button>
              </li>
            )}
          </ul>
        ))}
    </li>
  );
}
