// The top of every space screen: the cover band with the name, the guest-space badge, and the
// actions the server allows — お気に入り, 参加する / 退会する, スペースの設定, ゲストメンバーを管理.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SpaceAccessJson, SpaceJson } from '../../api/spaces';
import { joinSpace, leaveSpace, listMySpaces, setFavourite } from '../../api/spaces';
import type { Place } from '../../api/place';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { ConfirmDialog, GuestBadge, spaceKeys } from './space-ui';
import { strings } from './strings';

export function SpaceHeader({ space, access, place }: { space: SpaceJson; access: SpaceAccessJson | undefined; place: Place }) {
  const s = useStrings(strings).space;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirmLeave, setConfirmLeave] = useState(false);
  // Favourites are the portal's list; the space's own answer does not carry them.
  const mine = useQuery({ queryKey: spaceKeys.mySpaces, queryFn: listMySpaces, staleTime: 30_000 });
  const favourite = mine.data?.find((m) => m.id === space.id)?.isFavourite ?? false;
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: spaceKeys.space(space.id) }),
      queryClient.invalidateQueries({ queryKey: ['portal'] }),
    ]);
  };
  const favouriteMutation = useMutation({ mutationFn: (on: boolean) => setFavourite(space.id, on), onSuccess: refresh });
  const join = useMutation({ mutationFn: () => joinSpace(place, space.id), onSuccess: refresh });
  const leave = useMutation({
    mutationFn: () => leaveSpace(place, space.id),
    onSuccess: async () => {
      setConfirmLeave(false);
      await refresh();
      navigate('/');
    },
  });
  const may = access?.may;
  const member = access && (access.role === 'admin' || access.role === 'member');
  const error = favouriteMutation.error ?? join.error;
  const cover = space.coverType === 'BLOB' ? undefined : `space-cover--${space.coverKey.toLowerCase()}`;

  return (
    <header className={`space-header ${cover ?? ''}`}>
      {space.coverType === 'BLOB' && <img className="space-header__cover" src={space.coverUrl} alt="" />}
      <div className="space-header__title">
        <h1>{space.name}</h1>
        {space.isGuest && <GuestBadge />}
      </div>
      {may && (
        <div className="space-header__actions" role="group" aria-label={s.options}>
          {may.favourite && (
            <button
              type="button"
              className="button button--small"
              aria-pressed={favourite}
              disabled={favouriteMutation.isPending || mine.isLoading}
              onClick={() => favouriteMutation.mutate(!favourite)}
            >
              {favourite ? `★ ${s.unfavorite}` : `☆ ${s.favorite}`}
            </button>
          )}
          {may.join && access.role === 'visitor' && (
            <button type="button" className="button button--small" disabled={join.isPending} onClick={() => join.mutate()}>
              {s.join}
            </button>
          )}
          {may.leave && member && (
            <button type="button" className="button button--small" onClick={() => setConfirmLeave(true)}>
              {s.leave}
            </button>
          )}
          {may.manage && (
            <Link className="button button--small" to={`${spaceBase(space)}/settings`}>
              {s.settings}
            </Link>
          )}
          {may.manage && space.isGuest && (
            <Link className="button button--small" to={`${spaceBase(space)}/settings?tab=guests`}>
              {s.manageGuests}
            </Link>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      )}
      <ConfirmDialog
        open={confirmLeave}
        message={s.leaveConfirm}
        action={s.leave}
        danger
        pending={leave.isPending}
        error={leave.error ? errorText(leave.error, t) : null}
        onConfirm={() => leave.mutate()}
        onClose={() => setConfirmLeave(false)}
      />
    </header>
  );
}

export function spaceBase(space: Pick<SpaceJson, 'id' | 'isGuest'>): string {
  return space.isGuest ? `/guest/${space.id}` : `/space/${space.id}`;
}
