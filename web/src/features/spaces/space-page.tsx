// スペース (/space/:spaceId, and /guest/:guestSpaceId for guest spaces): the header, the
// announcement, then — in a multi-thread space — the threads, apps, people and related links, or
// — in a single-thread space — the one thread's comments right beneath the announcement. Each
// section shows what the server answers; buttons appear only where access.json says they work.
import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { SpaceAnnouncement } from './space-announcement';
import { SpaceHeader } from './space-header';
import { SpaceApps, SpaceLinks, SpacePeople } from './space-sections';
import { SpaceSearch } from './space-search';
import { SpaceThreads } from './space-threads';
import { Refusal, useSpaceData, useSpacePlace } from './space-ui';
import { strings } from './strings';
import { ThreadView } from './thread-view';

export function SpacePage() {
  const s = useStrings(strings).space;
  const { spaceId, place } = useSpacePlace();
  const { space, access } = useSpaceData(place, spaceId);
  usePageTitle(space.data?.name ?? s.threads);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [spaceId]);

  // A guest space opened on the plain address: the server says where it lives.
  if (space.error instanceof ApiError && space.error.code === 'GAIA_IL23') return <Navigate to={`/guest/${spaceId}`} replace />;
  if (space.isError) return <Refusal error={space.error} spaceId={spaceId} />;
  if (!space.data) return <Loading />;
  const sp = space.data;
  const role = access.data?.role;

  return (
    <div className="space">
      <SpaceHeader space={sp} access={access.data} place={place} />
      {sp.isGuest && role && role !== 'guest' && (
        <p className="space-notice" role="note">
          {s.guestNotice}
        </p>
      )}
      <div className={sp.useMultiThread ? 'space__grid' : 'space__single'}>
        <div className="space__main">
          {sp.showAnnouncement && <SpaceAnnouncement space={sp} access={access.data} place={place} />}
          {sp.useMultiThread ? (
            sp.showThreadList && <SpaceThreads space={sp} access={access.data} place={place} />
          ) : (
            <ThreadView place={place} spaceId={sp.id} threadId={sp.defaultThread} embedded />
          )}
        </div>
        <aside className="space__side">
          <SpaceSearch space={sp} place={place} />
          {sp.showAppList && <SpaceApps space={sp} access={access.data} place={place} />}
          {sp.showMemberList && <SpacePeople space={sp} />}
          {sp.useMultiThread && sp.showRelatedLinkList && <SpaceLinks space={sp} access={access.data} place={place} />}
        </aside>
      </div>
    </div>
  );
}
