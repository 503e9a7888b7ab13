// One user (/admin/users/:code): the profile, its status (suspend, reactivate, unlock), a new
// password, its departments and groups, and deletion. Each part saves on its own and says so.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { UserJson } from '../../../../common/api/users.js';
import { getUser } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { timeZoneOptions } from '../../ui/time-zones';
import { CheckField, TextAreaField } from './admin-fields';
import { PageHeading, QueryError } from './admin-ui';
import { directoryStrings } from './directory-strings';
import { itemField, keyedErrors } from './field-errors';
import { strings } from './strings';
import { UserActions } from './user-actions';
import { useUserChange } from './user-change';
import { UserMemberships } from './user-memberships';
import type { UserPageState } from './user-new-page';

export function UserPage() {
  const d = useStrings(directoryStrings);
  const code = useParams().code ?? '';
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as UserPageState | null)?.notice ?? null);
  const user = useQuery({ queryKey: ['admin', 'user', code], queryFn: () => getUser(code) });

  let body;
  if (user.isError) body = <QueryError error={user.error} />;
  else if (user.isPending) body = <Loading />;
  else if (!user.data)
    body = (
      <>
        <p className="form-error" role="alert">
          {d.user.notFound}
        </p>
        <Link to="/admin/users">{d.user.backToList}</Link>
      </>
    );
  else
    body = (
      <>
        {notice && <Notice>{notice}</Notice>}
        <ProfileForm key={user.data.mtime} user={user.data} onSaved={setNotice} />
        <UserActions user={user.data} onDone={setNotice} />
        <UserMemberships code={user.data.code} onSaved={setNotice} />
      </>
    );
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to="/admin/users">{d.users.title}</Link>
      </p>
      <PageHeading title={user.data?.name ?? code} />
      {body}
    </div>
  );
}

const FIELDS = ['newCode', 'name', 'email', 'phone', 'description', 'locale', 'timezone', 'sortOrder', 'isAdmin'] as const;

function ProfileForm({ user, onSaved }: { user: UserJson; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useUserChange(user, (change) => {
    onSaved(s.saved);
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
    if (change.newCode && change.newCode !== user.code) void navigate(`/admin/users/${encodeURIComponent(change.newCode)}`, { replace: true, state: { notice: s.saved } });
  });
  const errors = keyedErrors(save.error, t, itemField('users[0].', FIELDS));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const newCode = value('newCode');
    const sortOrder = value('sortOrder');
    save.submit({
      code: user.code,
      ...(newCode !== user.code ? { newCode } : {}),
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      description: String(data.get('description') ?? ''),
      locale: value('locale') === 'en' ? 'en' : 'ja',
      timezone: value('timezone'),
      sortOrder: sortOrder === '' ? null : sortOrder,
      isAdmin: data.get('isAdmin') === 'on',
    });
  }

  return (
    <section className="panel" aria-labelledby="user-profile">
      <h2 id="user-profile">{d.user.profile}</h2>
      <form className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={d.users.code} name="newCode" defaultValue={user.code} autoCapitalize="none" spellCheck={false} autoComplete="off" required error={errors.field('newCode')} />
        <Field label={d.users.name} name="name" defaultValue={user.name} autoComplete="off" required error={errors.field('name')} />
        <Field label={d.users.email} name="email" type="email" defaultValue={user.email} autoComplete="off" required error={errors.field('email')} />
        <Field label={d.user.phone} name="phone" type="tel" defaultValue={user.phone} autoComplete="off" error={errors.field('phone')} />
        <TextAreaField label={d.user.description} name="description" defaultValue={user.description} rows={3} error={errors.field('description')} />
        <SelectField
          label={d.user.locale}
          name="locale"
          defaultValue={user.locale}
          options={[
            { value: 'ja', label: t('language.ja') },
            { value: 'en', label: t('language.en') },
          ]}
          error={errors.field('locale')}
        />
        <SelectField label={d.user.timezone} name="timezone" defaultValue={user.timezone} options={timeZoneOptions()} error={errors.field('timezone')} />
        <Field label={d.user.sortOrder} name="sortOrder" inputMode="numeric" defaultValue={user.sortOrder ?? ''} error={errors.field('sortOrder')} />
        <CheckField label={d.user.isAdmin} name="isAdmin" defaultChecked={user.isAdmin} error={errors.field('isAdmin')} />
        <div className="form-actions">
          <SubmitButton pending={save.pending}>{s.save}</SubmitButton>
        </div>
      </form>
      {save.dialog}
    </section>
  );
}
