// スレッド (/space/:spaceId/thread/:threadId, /guest/:guestSpaceId/thread/:threadId): the
// space's name as a way back, then the thread.
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { ThreadJson } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { spaceBase } from './space-header';
import { GuestBadge, Refusal, spaceKeys, useSpaceData, useSpacePlace } from './space-ui';
import { strings } from './strings';
import { ThreadView } from './thread-view';

export function ThreadPage() {
  const s = useStrings(strings);
  const { spaceId, place } = useSpacePlace();
  const threadId = useParams().threadId ?? '';
  const { space } = useSpaceData(place, spaceId);
  const thread = useQueryClient().getQueryData<ThreadJson>(spaceKeys.thread(threadId));
  usePageTitle(thread?.name ?? space.data?.name ?? '');

  if (space.error instanceof ApiError && space.error.code === 'GAIA_IL23') return <Navigate to={`/guest/${spaceId}/thread/${threadId}`} replace />;
  if (space.isError) return <Refusal error={space.error} spaceId={spaceId} />;
  if (!space.data) return <Loading />;
  return (
    <div className="space">
      <nav className="breadcrumb" aria-label={s.space.breadcrumb}>
        <Link to="/">{s.portal.title}</Link> › <Link to={spaceBase(space.data)}>{space.data.name}</Link> {space.data.isGuest && <GuestBadge />}
      </nav>
      <ThreadView key={threadId} place={place} spaceId={spaceId} threadId={threadId} />
    </div>
  );
}
