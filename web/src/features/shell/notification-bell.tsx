// 通知 in the header: a bell with the number of unread notifications 自分宛 (To me, the ones kintone
// counts on its bell), kept current by the live stream, leading to the portal's notifications.
// The count is the server's; a session that ends meanwhile sends the page back to sign in.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLive } from '../../api/live';
import { listNotifications } from '../../api/notifications';
import { SESSION_KEY } from '../auth/session';

export const BELL_KEY = ['portal', 'notifications', 'bell'] as const;

export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: BELL_KEY,
    queryFn: async () => Number((await listNotifications('toMe', true, 0, 1)).unread.toMe),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: BELL_KEY });
  useLive({}, { ready: refresh, notification: refresh, 'session.ended': () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }) });
  const count = unread.data ?? 0;
  return (
    <Link to="/#notifications" className="bell" aria-label={count > 0 ? t('shell.notificationsUnread', { count }) : t('shell.notifications')}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {count > 0 && (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
