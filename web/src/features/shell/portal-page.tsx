// ポータル: the signed-in person's 通知 and 未処理, their spaces and guest spaces (favourites first,
// with 「+」 to create one), and their apps. The server decides what each may see — a guest:
// only its guest spaces and their apps —; this page shows it, one column on a phone.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MySpaceJson } from '../../../../common/api/spaces.js';
import { listApps, listGuestApps } from '../../api/portal';
import { listMySpaces, setFavourite } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';
import { appPage, spacePage } from '../spaces/format';
import { PortalAssigned } from '../spaces/portal-assigned';
import { PortalNotifications } from '../spaces/portal-notifications';
import { GuestBadge, spaceKeys } from '../spaces/space-ui';
import { strings } from '../spaces/strings';

export function PortalPage() {
  const s = useStrings(strings).portal;
  usePageTitle(s.title);
  const user = useSession().data?.user;
  const guest = user?.kind === 'guest';
  const spaces = useQuery({ queryKey: spaceKeys.mySpaces, queryFn: listMySpaces });
  const apps = useQuery({
    queryKey: ['portal', 'apps', guest],
    queryFn: () => (guest ? listGuestApps(spaces.data ?? []) : listApps()),
    enabled: !guest || spaces.isSuccess,
  });
  const guestSpaces = new Set((spaces.data ?? []).filter((sp) => sp.isGuest).map((sp) => sp.id));
  const appSpace = (appId: string) => {
    const app = apps.data?.find((a) => a.appId === appId);
    return app?.spaceId && guestSpaces.has(app.spaceId) ? app.spaceId : null;
  };

  return (
    <div className="portal">
      <h1>{s.title}</h1>
      <div className="portal__grid">
        <div className="portal__col">
          <PortalNotifications spaces={spaces.data} apps={apps.data} />
          <PortalAssigned appSpace={appSpace} />
        </div>
        <div className="portal__col">
          <Section
            title={s.spaces}
            query={spaces}
            empty={s.noSpaces}
            action={
              !guest && (
                <span className="actions">
                  <Link className="button button--small" to="/space/new">
                    ＋ {s.newSpace}
                  </Link>
                  {user?.isAdmin && (
                    <Link className="button button--small" to="/space/new?guest=1">
                      ＋ {s.newGuestSpace}
                    </Link>
                  )}
                </span>
              )
            }
          >
            {(list) => (
              <ul className="tiles">
                {list.map((sp) => (
                  <SpaceTile key={sp.id} space={sp} />
                ))}
              </ul>
            )}
          </Section>
          <Section title={s.apps} query={apps} empty={s.noApps}>
            {(list) => (
              <ul className="list">
                {list.map((a) => (
                  <li key={a.appId}>
                    <Link to={appPage(a.appId, a.spaceId && guestSpaces.has(a.spaceId) ? a.spaceId : null)} className="list__name">
                      {a.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}

function SpaceTile({ space }: { space: MySpaceJson }) {
  const s = useStrings(strings).portal;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const favourite = useMutation({
    mutationFn: () => setFavourite(space.id, !space.isFavourite),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spaceKeys.mySpaces }),
  });
  return (
    <li className={space.coverType === 'PRESET' ? `tile tile--${space.coverKey.toLowerCase()}` : 'tile'}>
      <div className="tile__row">
        <Link to={spacePage(space.id, space.isGuest)} className="tile__link">
          <span className="tile__name">{space.name}</span>
        </Link>
        <button
          type="button"
          className="star"
          aria-pressed={space.isFavourite}
          aria-label={space.isFavourite ? s.removeFavorite(space.name) : s.addFavorite(space.name)}
          disabled={favourite.isPending}
          onClick={() => favourite.mutate()}
        >
          {space.isFavourite ? '★' : '☆'}
        </button>
      </div>
      <span className="tile__badges">
        {space.isGuest && <GuestBadge />}
        {space.isFavourite && <span className="badge">{s.favorite}</span>}
      </span>
      {favourite.error && <span className="field-error">{errorText(favourite.error, t)}</span>}
    </li>
  );
}

interface ListQuery<T> {
  data: T[] | undefined;
  error: unknown;
  isError: boolean;
}

function Section<T>({ title, query, empty, action, children }: { title: string; query: ListQuery<T>; empty: string; action?: ReactNode; children: (list: T[]) => ReactNode }) {
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
      <div className="panel__head">
        <h2 id={headingId}>{title}</h2>
        {action}
      </div>
      {body}
    </section>
  );
}
