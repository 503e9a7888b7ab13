// Pieces every screen of the spaces area shares: the reader's time zone, the space's data as the
// server answers it (space, access, people), the friendly refusal page, confirmation dialogs,
// rich text as the server keeps it, and the guest-space badge.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Place, placeOf } from '../../api/place';
import { getSpace, getSpaceAccess, getSpacePeople } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { useModal } from '../../ui/modal';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';
import { formatDateTime } from './format';
import { strings } from './strings';
import './spaces.css';

export function useTimeZone(): string {
  return useSession().data?.user.timezone ?? 'UTC';
}

/** `2025-04-01 14:05` in the reader's time zone. */
export function useFormatDate(): (iso: string) => string {
  const tz = useTimeZone();
  return (iso) => formatDateTime(iso, tz);
}

/** The space this page is about: `/guest/:guestSpaceId…` (its id is the space's) or `/space/:spaceId…`. */
export function useSpacePlace(): { spaceId: string; place: Place } {
  const params = useParams();
  const spaceId = params.guestSpaceId ?? params.spaceId ?? '';
  return { spaceId, place: placeOf(params.guestSpaceId) };
}

export const spaceKeys = {
  space: (id: string) => ['space', id] as const,
  access: (id: string) => ['space', id, 'access'] as const,
  people: (id: string) => ['space', id, 'people'] as const,
  threads: (id: string) => ['space', id, 'threads'] as const,
  links: (id: string) => ['space', id, 'links'] as const,
  invitations: (id: string) => ['space', id, 'invitations'] as const,
  thread: (id: string) => ['thread', id] as const,
  comments: (id: string) => ['thread', id, 'comments'] as const,
  mySpaces: ['portal', 'spaces'] as const,
};

export function useSpaceData(place: Place, spaceId: string) {
  const space = useQuery({ queryKey: spaceKeys.space(spaceId), queryFn: () => getSpace(place, spaceId), enabled: spaceId !== '' });
  const access = useQuery({ queryKey: spaceKeys.access(spaceId), queryFn: () => getSpaceAccess(spaceId), enabled: space.isSuccess });
  return { space, access };
}

export function useSpacePeople(spaceId: string, enabled = true) {
  return useQuery({ queryKey: spaceKeys.people(spaceId), queryFn: () => getSpacePeople(spaceId), enabled: enabled && spaceId !== '' });
}

/** A refusal as a calm full page: "no privilege" or "not found", and the way back; no data. */
export function Refusal({ error, spaceId, kind = 'space' }: { error?: unknown; spaceId: string; kind?: 'space' | 'thread' | 'settings' }) {
  const s = useStrings(strings).refusal;
  const { t } = useTranslation();
  const denied = kind === 'settings' || (error instanceof ApiError && error.status === 403);
  const missing = error instanceof ApiError && (error.status === 404 || error.code === 'GAIA_SP01' || error.code === 'GAIA_TH01');
  let title: string;
  if (denied && !missing) title = s.noPermission;
  else if (missing) title = kind === 'thread' ? s.threadNotFound : s.notFound(spaceId);
  else title = errorText(error, t);
  usePageTitle(title);
  return (
    <section className="refusal" aria-labelledby="refusal-title">
      <h1 id="refusal-title">{title}</h1>
      {kind === 'settings' && <p className="muted">{s.noPermissionHint}</p>}
      <p>
        <Link to="/">{s.back}</Link>
      </p>
    </section>
  );
}

/** Whether the server refused or does not know the thing asked for (as opposed to a hiccup). */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404 || error.code === 'GAIA_IL23');
}

/** Rich text as the server keeps it: sanitised on write (server/domain/rich-text.ts). */
export function RichHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `rich-text ${className}` : 'rich-text'} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function GuestBadge() {
  const s = useStrings(strings).space;
  return <span className="badge badge--guest">{s.guestSpace}</span>;
}

/**
 * A modal confirmation (<dialog>): the question, then Cancel and the action, destructive last as
 * kintone places them. Escape and Cancel close it without acting.
 */
export function ConfirmDialog({
  open,
  message,
  action,
  danger,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  message: ReactNode;
  action: string;
  danger?: boolean;
  pending?: boolean;
  error?: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  const s = useStrings(strings).confirm;
  const ref = useModal(open);
  const id = useId();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-msg`} onClose={onClose} onCancel={onClose}>
      <p id={`${id}-msg`}>{message}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {s.cancel}
        </button>
        <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} disabled={pending} onClick={onConfirm}>
          {action}
        </button>
      </div>
    </dialog>
  );
}
