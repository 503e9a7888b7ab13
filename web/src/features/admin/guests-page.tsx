// ゲストユーザー管理: every guest account with kintone's columns — company, display name, e-mail,
// status (使用中/停止中), last login, guest spaces, licence (試用/有料/無料) and trial expiry —
// suspend, reactivate and delete; a form to add a guest directly; and the guest spaces, each
// with the way to its own guest tab, where invitations are sent and followed.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GuestJson } from '../../../../common/api/guests.js';
import { addGuest, deleteGuest, listGuestAccounts, listGuestSpaces, setGuestValid } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { timeZoneOptions } from '../../ui/time-zones';
import { AccountStatus, ActionError, AdminTable, ConfirmButton, PageHeading, Pager, QueryError, useTimeZone } from './admin-ui';
import { itemField, keyedErrors } from './field-errors';
import { formatDateTime } from './format';
import { guestStrings } from './guest-strings';
import { LicenceBadge, TrialEnds } from './licence-badge';
import { strings } from './strings';

const PAGE_SIZE = 50;

export function GuestsPage() {
  const s = useStrings(strings);
  const g = useStrings(guestStrings);
  const tz = useTimeZone();
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const guests = useQuery({ queryKey: ['admin', 'guests', offset], queryFn: () => listGuestAccounts(offset, PAGE_SIZE), placeholderData: keepPreviousData });

  let list;
  if (guests.isError) list = <QueryError error={guests.error} />;
  else if (!guests.data) list = <Loading />;
  else if (guests.data.length === 0 && offset === 0) list = <p className="empty">{g.empty}</p>;
  else
    list = (
      <>
        <Pager offset={offset} shown={guests.data.length} pageSize={PAGE_SIZE} total={null} onChange={setOffset} />
        <AdminTable columns={[g.company, g.name, g.email, g.status, g.lastLogin, g.spaces, g.licence, g.trialEnds]} actions={s.actions}>
          {guests.data.map((guest) => (
            <GuestRow key={guest.id} guest={guest} tz={tz} onDone={setNotice} />
          ))}
        </AdminTable>
      </>
    );

  return (
    <div className="admin-page">
      <PageHeading title={g.title} />
      {notice && <Notice>{notice}</Notice>}
      <section className="panel" aria-labelledby="guests-list">
        <h2 id="guests-list">{g.list}</h2>
        {list}
      </section>
      <AddGuest onDone={setNotice} />
      <GuestSpaces />
    </div>
  );
}

function GuestRow({ guest, tz, onDone }: { guest: GuestJson; tz: string; onDone(message: string): void }) {
  const s = useStrings(strings);
  const g = useStrings(guestStrings);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const status = useMutation({
    mutationFn: (valid: boolean) => setGuestValid(guest.code, valid),
    onSuccess: (_a, valid) => {
      onDone(valid ? g.reactivated(guest.name) : g.suspended(guest.name));
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteGuest(guest.code),
    onSuccess: () => {
      onDone(g.deleted(guest.name));
      void refresh();
    },
  });
  return (
    <tr>
      <td data-label={g.company}>{guest.company}</td>
      <td data-label={g.name}>{guest.name}</td>
      <td data-label={g.email} className="cell-wrap">
        {guest.email}
      </td>
      <td data-label={g.status}>
        <AccountStatus valid={guest.valid} />
      </td>
      <td data-label={g.lastLogin} className="nowrap">{formatDateTime(guest.lastLoginAt, tz)}</td>
      <td data-label={g.spaces}>
        {guest.spaces.map((space, i) => (
          <span key={space.id}>
            {i > 0 && '、'}
            <Link to={`/guest/${encodeURIComponent(space.id)}`}>{space.name}</Link>
          </span>
        ))}
      </td>
      <td data-label={g.licence}>
        <LicenceBadge state={guest.licence.state} />
      </td>
      <td data-label={g.trialEnds} className="nowrap">
        <TrialEnds state={guest.licence.state} trialEnds={guest.licence.trialEnds} />
      </td>
      <td data-label={s.actions}>
        <div className="button-row">
          {guest.valid ? (
            <ConfirmButton label={g.suspend} message={g.suspendConfirm(guest.name)} confirmLabel={g.suspend} pending={status.isPending} onConfirm={() => status.mutate(false)} />
          ) : (
            <button type="button" className="button" disabled={status.isPending} onClick={() => status.mutate(true)}>
              {g.reactivate}
            </button>
          )}
          <ConfirmButton label={s.delete} message={g.deleteConfirm(guest.name)} confirmLabel={s.delete} pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
        <ActionError error={status.error ?? remove.error} />
      </td>
    </tr>
  );
}

const FIELDS = ['code', 'name', 'password', 'timezone', 'company'] as const;

function AddGuest({ onDone }: { onDone(message: string): void }) {
  const { t } = useTranslation();
  const g = useStrings(guestStrings);
  const tz = useTimeZone();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: addGuest,
    onSuccess: (_a, input) => {
      setFormKey((k) => k + 1);
      onDone(g.created(input.code));
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const errors = keyedErrors(create.error, t, itemField('guests[0].', FIELDS));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    create.mutate({ code: value('code'), name: value('name'), password: String(data.get('password') ?? ''), timezone: value('timezone'), company: value('company') });
  }

  return (
    <details className="panel disclosure">
      <summary>{g.add}</summary>
      <p className="muted">{g.addHint}</p>
      <form key={formKey} className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={g.email} name="code" type="email" autoComplete="off" required error={errors.field('code')} />
        <Field label={g.name} name="name" autoComplete="off" required error={errors.field('name')} />
        <Field label={g.company} name="company" autoComplete="off" error={errors.field('company')} />
        <Field label={g.password} name="password" type="password" autoComplete="new-password" required error={errors.field('password')} />
        <SelectField label={g.timezone} name="timezone" defaultValue={tz} options={timeZoneOptions()} error={errors.field('timezone')} />
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{g.create}</SubmitButton>
        </div>
      </form>
    </details>
  );
}

function GuestSpaces() {
  const g = useStrings(guestStrings);
  const spaces = useQuery({ queryKey: ['admin', 'guest-spaces'], queryFn: listGuestSpaces });
  return (
    <section className="panel" aria-labelledby="guest-invitations">
      <h2 id="guest-invitations">{g.invitations}</h2>
      <p className="muted">{g.invitationsHint}</p>
      {spaces.isError ? (
        <QueryError error={spaces.error} />
      ) : !spaces.data ? (
        <Loading />
      ) : spaces.data.length === 0 ? (
        <p className="empty">{g.noGuestSpaces}</p>
      ) : (
        <ul className="list">
          {spaces.data.map((space) => (
            <li key={space.id} className="list__row">
              <span className="list__name">{space.name}</span>
              <span className="muted">{g.guestCount(Number(space.memberCount))}</span>
              <Link to={`/guest/${encodeURIComponent(space.id)}/settings?tab=guests`}>{g.manage}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
