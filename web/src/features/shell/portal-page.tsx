// ポータル: what the server already offers the signed-in person — their spaces and guest spaces,
// and their apps. The server decides what each may see (a guest: only its guest spaces and
// their apps); this page only shows it.
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listApps, listGuestApps, listMySpaces } from '../../api/portal';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';

export function PortalPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.title'));
  const guest = useSession().data?.user.kind === 'guest';
  const spaces = useQuery({ queryKey: ['portal', 'spaces'], queryFn: listMySpaces });
  const apps = useQuery({
    queryKey: ['portal', 'apps', guest],
    queryFn: () => (guest ? listGuestApps(spaces.data ?? []) : listApps()),
    enabled: !guest || spaces.isSuccess,
  });

  return (
    <div className="portal">
      <h1>{t('portal.title')}</h1>
      <Section title={t('portal.spaces')} query={spaces} empty={t('portal.noSpaces')}>
        {(list) => (
          <ul className="tiles">
            {list.map((s) => (
              <li key={s.id} className={s.coverType === 'PRESET' ? `tile tile--${s.coverKey.toLowerCase()}` : 'tile'}>
                <span className="tile__name">{s.name}</span>
                <span className="tile__badges">
                  {s.isGuest && <span className="badge badge--guest">{t('portal.guestSpace')}</span>}
                  {s.isFavourite && <span className="badge">{t('portal.favorite')}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('portal.apps')} query={apps} empty={t('portal.noApps')}>
        {(list) => (
          <ul className="list">
            {list.map((a) => (
              <li key={a.appId}>
                <span className="list__name">{a.name}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

interface ListQuery<T> {
  data: T[] | undefined;
  error: unknown;
  isError: boolean;
}

function Section<T>({ title, query, empty, children }: { title: string; query: ListQuery<T>; empty: string; children: (list: T[]) => ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  let body: ReactNode;
  if (query.isError)
    body = (
      <p className="form-error" role="alert">
        {errorText(query.error, t)}
      </p>
    );
  else if (!query.data) body = <Loading />;
  else if (query.data.length === 0) body = <p className="empty">{empty}</p>;
  else body = children(query.data);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {body}
    </section>
  );
}
