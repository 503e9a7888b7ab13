// ゲスト (the guest management tab of a guest space's settings): ゲストを招待 — several addresses
// at once with a message —, the invitations with their state (招待中 / 期限切れ / 使用中 /
// 停止中), 再送する and 招待を取り消す, and the space's guests with このスペースから削除する.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INVITATION_MESSAGE } from '../../../../common/api/invitations.js';
import type { InviteResultJson } from '../../../../common/api/invitations.js';
import { ApiError } from '../../api/client';
import type { Place } from '../../api/place';
import { type InvitationJson, type SpaceJson, cancelInvitation, inviteGuests, listInvitations, resendInvitation, setSpaceGuests } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { parseEmails } from './format';
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

const invitationsKey = (id: string) => ['space', id, 'invitations'] as const;

function InviteForm({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [recipients, setRecipients] = useState('');
  const [message, setMessage] = useState('');
  const [results, setResults] = useState<InviteResultJson[] | null>(null);
  const invite = useMutation({
    mutationFn: () => inviteGuests(place, space.id, parseEmails(recipients), message, i18n.language === 'ja' ? 'ja' : 'en'),
    onSuccess: async (res) => {
      setResults(res);
      setRecipients('');
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: invitationsKey(space.id) });
    },
  });
  const errors = formErrors(invite.error, ['emails', 'message'], t);
  // The server names a bad address by its index (emails[1]): shown under the box, with the address.
  const list = parseEmails(recipients);
  const addressErrors = Object.entries(invite.error instanceof ApiError ? invite.error.fields : {})
    .filter(([key]) => key.startsWith('emails['))
    .map(([key, messages]) => {
      const i = Number(/\[(\d+)\]/.exec(key)?.[1]);
      return `${list[i] ?? key}: ${messages.join(' ')}`;
    });
  const recipientError = [errors.field('emails'), ...addressErrors].filter(Boolean).join(' / ') || undefined;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{s.invite}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setResults(null);
          invite.mutate();
        }}
      >
        {results && (
          <Notice>
            {s.sent}{' '}
            {results.map((r) => (
              <span key={r.email} className="invite-result">
                {r.email}: {s.outcome[r.status]}.{' '}
              </span>
            ))}
          </Notice>
        )}
        <FormError errors={{ ...errors, others: errors.others.filter((m) => !addressErrors.some((a) => a.endsWith(m))) }} />
        <div className={recipientError ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-to`}>{s.recipients}</label>
          <textarea
            id={`${id}-to`}
            className="textarea"
            value={recipients}
            required
            inputMode="email"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={`${id}-to-hint${recipientError ? ` ${id}-to-err` : ''}`}
            aria-invalid={recipientError ? true : undefined}
            onChange={(e) => setRecipients(e.target.value)}
          />
          <p id={`${id}-to-hint`} className="field-hint">
            {s.recipientsHint}
          </p>
          {recipientError && (
            <p id={`${id}-to-err`} className="field-error">
              {recipientError}
            </p>
          )}
        </div>
        <div className={errors.field('message') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-msg`}>{s.message}</label>
          <textarea id={`${id}-msg`} className="textarea" value={message} maxLength={MAX_INVITATION_MESSAGE} onChange={(e) => setMessage(e.target.value)} />
          {errors.field('message') && <p className="field-error">{errors.field('message')}</p>}
        </div>
        <div className="actions">
          <SubmitButton pending={invite.isPending}>{s.send}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function Invitations({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const id = useId();
  const format = useFormatDate();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<InvitationJson | null>(null);
  const invitations = useQuery({ queryKey: invitationsKey(space.id), queryFn: () => listInvitations(place, space.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsKey(space.id) });
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
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{s.invitations}</h2>
      {notice && <Notice>{notice}</Notice>}
      {resend.error && (
        <p className="form-error" role="alert">
          {errorText(resend.error, t)}
        </p>
      )}
      {invitations.isError ? (
        <p className="form-error" role="alert">
          {errorText(invitations.error, t)}
        </p>
      ) : !invitations.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p className="empty">{s.noGuests}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{s.email}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.invitedAt}</th>
                <th scope="col">{s.expiresAt}</th>
                <th scope="col">{s.actions}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((inv) => (
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
            </tbody>
          </table>
        </div>
      )}
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
    </section>
  );
}

function GuestList({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const id = useId();
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
      await Promise.all([queryClient.invalidateQueries({ queryKey: spaceKeys.people(space.id) }), queryClient.invalidateQueries({ queryKey: invitationsKey(space.id) })]);
    },
  });
  const guests = people.data?.guests ?? [];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{s.guestList}</h2>
      {done && <Notice>{s.removed}</Notice>}
      {people.isError ? (
        <p className="form-error" role="alert">
          {errorText(people.error, t)}
        </p>
      ) : !people.data ? (
        <Loading />
      ) : guests.length === 0 ? (
        <p className="empty">{s.noGuests}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{s.company}</th>
                <th scope="col">{s.displayName}</th>
                <th scope="col">{s.email}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.actions}</th>
              </tr>
            </thead>
            <tbody>
              {guests.map((g) => (
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
            </tbody>
          </table>
        </div>
      )}
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
    </section>
  );
}
