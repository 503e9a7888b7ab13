// 通知 on the portal: 自分宛 / すべて, unread only, each linking to its thread, record or comment
// (opening one marks it read), 既読にする and すべて既読にする, "Show more" paging. New ones
// arrive live.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AppJson } from '../../../../common/api/apps.js';
import type { MySpaceJson } from '../../../../common/api/spaces.js';
import { useLive } from '../../api/live';
import { type NotificationJson, type NotificationStream, listNotifications, markAllRead, markRead } from '../../api/notifications';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { notificationLink } from './format';
import { GuestBadge, useFormatDate } from './space-ui';
import { strings } from './strings';

const PAGE = 20;

export function PortalNotifications({ spaces, apps }: { spaces: MySpaceJson[] | undefined; apps: AppJson[] | undefined }) {
  const s = useStrings(strings).portal;
  const { t } = useTranslation();
  const id = useId();
  const format = useFormatDate();
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<NotificationStream>('toMe');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const key = ['portal', 'notifications', stream, unreadOnly] as const;
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listNotifications(stream, unreadOnly, pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.notifications.length === PAGE ? pages.length * PAGE : undefined),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['portal', 'notifications'] });
  useLive({}, { notification: () => void refresh() });
  // The header's bell leads here (/#notifications).
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#notifications') document.getElementById('notifications')?.scrollIntoView({ block: 'start' });
  }, [hash]);
  const read = useMutation({ mutationFn: (ids: string[]) => markRead(ids), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });

  const guestSpaces = new Set((spaces ?? []).filter((sp) => sp.isGuest).map((sp) => sp.id));
  const appSpace = (appId: string) => {
    const app = apps?.find((a) => a.appId === appId);
    return app?.spaceId && guestSpaces.has(app.spaceId) ? app.spaceId : null;
  };
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread;
  const tabs: Array<{ value: NotificationStream; label: string; count: string | undefined }> = [
    { value: 'toMe', label: s.toMe, count: unread?.toMe },
    { value: 'all', label: s.all, count: unread?.all },
  ];

  return (
    <section className="panel" id="notifications" aria-labelledby={id}>
      <div className="panel__head">
        <h2 id={id}>{s.notifications}</h2>
        <div role="tablist" className="segmented" aria-label={s.notifications}>
          {tabs.map((tab) => (
            <button key={tab.value} type="button" role="tab" aria-selected={stream === tab.value} onClick={() => setStream(tab.value)}>
              {tab.label}
              {tab.value === stream && tab.count && tab.count !== '0' ? ` (${tab.count})` : ''}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar-row">
        <label className="check">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          {s.unreadOnly}
        </label>
        <button type="button" className="button button--small" disabled={readAll.isPending || items.every((n) => n.read)} onClick={() => readAll.mutate()}>
          {s.markAllRead}
        </button>
      </div>
      {(read.error || readAll.error) && (
        <p className="form-error" role="alert">
          {errorText(read.error ?? readAll.error, t)}
        </p>
      )}
      {list.isError ? (
        <p className="form-error" role="alert">
          {errorText(list.error, t)}
        </p>
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{s.noNotifications}</p>
      ) : (
        <>
          <ul className="notifications">
            {items.map((n) => (
              <NotificationItem
                key={n.id}
                n={n}
                href={notificationLink(n, guestSpaces, appSpace)}
                guestSpace={Boolean(n.space && guestSpaces.has(n.space.id))}
                when={format(n.createdAt)}
                onRead={() => !n.read && read.mutate([n.id])}
              />
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="button button--small" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {s.more}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function NotificationItem({ n, href, guestSpace, when, onRead }: { n: NotificationJson; href: string | null; guestSpace: boolean; when: string; onRead(): void }) {
  const s = useStrings(strings).portal;
  const where = n.space ? `${n.space.name}${n.thread ? ` › ${n.thread.name}` : ''}` : n.app ? n.app.name : '';
  return (
    <li className={n.read ? 'notification' : 'notification notification--unread'}>
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__body">
        {href ? (
          <Link to={href} className="notification__summary" onClick={onRead}>
            {!n.read && <span className="visually-hidden">{s.unread}: </span>}
            {n.summary}
          </Link>
        ) : (
          <span className="notification__summary">{n.summary}</span>
        )}
        {n.comment?.text && <p className="notification__text">{n.comment.text}</p>}
        <span className="muted">
          {where} {guestSpace && <GuestBadge />} · {n.sender?.name ? `${n.sender.name} · ` : ''}
          {when}
        </span>
      </div>
      {!n.read && (
        <button type="button" className="link-button" aria-label={`${s.markRead}: ${n.summary}`} onClick={onRead}>
          {s.markRead}
        </button>
      )}
    </li>
  );
}
