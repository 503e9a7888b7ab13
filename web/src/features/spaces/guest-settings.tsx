// ゲスト (the guest management tab of a guest space's settings): ゲストを招待 — several addresses
// at once with a message —, the invitations with their state (招待中 / 期限切れ / 使用中 /
// 停止中), 再送する and 招待を取り消す, and the space's guests with このスペースから削除する.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/place';
import { type InvitationJson, type SpaceJson, cancelInvitation, listInvitations, resendInvitation, setSpaceGuests } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { ErrorLine } from '../../ui/error-line';
import { Notice } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { InviteForm } from './invite-form';
import { ConfirmDialog, spaceKeys, useFormatDate, useSpacePeople } from './space-ui';
import { strings } from './strings';

export function GuestSettings({ space, place }: { space: SpaceJson; place: Place }) {
  return (
    <div className="settings">
      <InviteForm space={space} place={place} />
      <Invitations space={space} place={place} />
      <GuestList space={space} place={place} />
    </div>
  );
}

interface TableSectionProps {
  title: string;
  /** Above the table: notices and the errors of actions. */
  above?: ReactNode;
  query: { isError: boolean; error: unknown; data: unknown };
  /** How many rows the table would have. */
  count: number;
  empty: string;
  headings: string[];
  rows: ReactNode;
  /** After the table: the question asked before an action. */
  children?: ReactNode;
}

/** A titled list of people as a table: the read's error, a spinner while it loads, or a line when there is nobody. */
function TableSection({ title, above, query, count, empty, headings, rows, children }: TableSectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {above}
      {query.isError ? (
        <ErrorLine error={query.error} />
      ) : !query.data ? (
        <Loading />
      ) : count === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {headings.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}

function Invitations({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const format = useFormatDate();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<InvitationJson | null>(null);
  const invitations = useQuery({ queryKey: spaceKeys.invitations(space.id), queryFn: () => listInvitations(place, space.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: spaceKeys.invitations(space.id) });
  const resend = useMutation({
    mutationFn: (inv: InvitationJson) => resendInvitation(place, space.id, inv.id),
    onSuccess: async (_, inv) => {
      setNotice(s.resent(inv.email));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (inv: InvitationJson) => cancelInvitation(place, space.id, inv.id),
    onSuccess: async () => {
      setCancelling(null);
      await refresh();
    },
  });
  const shown = invitations.data?.filter((i) => i.status !== 'CANCELLED') ?? [];

  return (
    <TableSection
      title={s.invitations}
      above={
        <>
          {notice && <Notice>{notice}</Notice>}
          <ErrorLine error={resend.error} />
        </>
      }
      query={invitations}
      count={shown.length}
      empty={s.noGuests}
      headings={[s.email, s.status, s.invitedAt, s.expiresAt, s.actions]}
      rows={shown.map((inv) => (
        <tr key={inv.id} aria-label={inv.email}>
          <td data-label={s.email}>{inv.email}</td>
          <td data-label={s.status}>
            <span className={`status status--${inv.status.toLowerCase()}`}>{s.statuses[inv.status]}</span>
          </td>
          <td data-label={s.invitedAt}>{format(inv.sentAt)}</td>
          <td data-label={s.expiresAt}>{inv.status === 'INVITED' || inv.status === 'EXPIRED' ? format(inv.expiresAt) : '—'}</td>
          <td>
            {(inv.status === 'INVITED' || inv.status === 'EXPIRED') && (
              <div className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`${s.resend}: ${inv.email}`}
                  disabled={resend.isPending}
                  onClick={() => {
                    setNotice(null);
                    resend.mutate(inv);
                  }}
                >
                  {s.resend}
                </button>
                <button type="button" className="button button--small button--danger-outline" aria-label={`${s.cancelInvitation}: ${inv.email}`} onClick={() => setCancelling(inv)}>
                  {s.cancelInvitation}
                </button>
              </div>
            )}
          </td>
        </tr>
      ))}
    >
      <ConfirmDialog
        open={cancelling !== null}
        message={cancelling ? s.cancelConfirm(cancelling.email) : ''}
        action={s.cancelInvitation}
        danger
        pending={cancel.isPending}
        error={cancel.error ? errorText(cancel.error, t) : null}
        onConfirm={() => cancelling && cancel.mutate(cancelling)}
        onClose={() => setCancelling(null)}
      />
    </TableSection>
  );
}

function GuestList({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const people = useSpacePeople(space.id);
  const [removing, setRemoving] = useState<{ email: string; name: string } | null>(null);
  const [done, setDone] = useState(false);
  const remove = useMutation({
    mutationFn: (email: string) =>
      setSpaceGuests(
        place,
        space.id,
        (people.data?.guests ?? []).map((g) => g.email).filter((e) => e.toLowerCase() !== email.toLowerCase()),
      ),
    onSuccess: async () => {
      setRemoving(null);
      setDone(true);
      await Promise.all([queryClient.invalidateQueries({ queryKey: spaceKeys.people(space.id) }), queryClient.invalidateQueries({ queryKey: spaceKeys.invitations(space.id) })]);
    },
  });
  const guests = people.data?.guests ?? [];
  return (
    <TableSection
      title={s.guestList}
      above={done && <Notice>{s.removed}</Notice>}
      query={people}
      count={guests.length}
      empty={s.noGuests}
      headings={[s.company, s.displayName, s.email, s.status, s.actions]}
      rows={guests.map((g) => (
        <tr key={g.code} aria-label={g.email}>
          <td data-label={s.company}>{g.company || '—'}</td>
          <td data-label={s.displayName}>{g.name}</td>
          <td data-label={s.email}>{g.email}</td>
          <td data-label={s.status}>
            <span className={`status status--${g.valid ? 'active' : 'inactive'}`}>{g.valid ? s.statuses.ACTIVE : s.statuses.INACTIVE}</span>
          </td>
          <td>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`${s.removeGuest}: ${g.email}`}
              onClick={() => {
                setDone(false);
                setRemoving({ email: g.email, name: g.name });
              }}
            >
              {s.removeGuest}
            </button>
          </td>
        </tr>
      ))}
    >
      <ConfirmDialog
        open={removing !== null}
        message={removing ? s.removeConfirm(removing.name) : ''}
        action={s.removeGuest}
        danger
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate(removing.email)}
        onClose={() => setRemoving(null)}
      />
    </TableSection>
  );
}
