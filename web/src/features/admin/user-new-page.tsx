// ユーザーを追加: a new regular user (POST /v1/users.json). Beyond the contract's user licences
// the server refuses with CB_LI01; its sentence says what to do, with the way to the licences.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createUser } from '../../api/admin';
import { currentLanguage } from '../../i18n';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, SelectField, SubmitButton } from '../../ui/form';
import { timeZoneOptions } from '../../ui/time-zones';
import { PageHeading, useTimeZone } from './admin-ui';
import { CheckField } from './admin-fields';
import { directoryStrings } from './directory-strings';
import { itemField, keyedErrors } from './field-errors';
import { strings } from './strings';

const FIELDS = ['code', 'name', 'email', 'password', 'locale', 'timezone', 'isAdmin'] as const;

export interface UserPageState {
  notice?: string;
}

export function UserNewPage() {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings);
  const tz = useTimeZone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (_id, input) => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      const state: UserPageState = { notice: d.user.created(input.name) };
      void navigate(`/admin/users/${encodeURIComponent(input.code)}`, { state });
    },
  });
  const errors = keyedErrors(create.error, t, itemField('users[0].', FIELDS));
  const licenceRefused = create.error instanceof ApiError && create.error.code === 'CB_LI01';

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    create.mutate({
      code: value('code'),
      name: value('name'),
      email: value('email'),
      password: String(data.get('password') ?? ''),
      locale: value('locale') === 'en' ? 'en' : 'ja',
      timezone: value('timezone'),
      isAdmin: data.get('isAdmin') === 'on',
    });
  }

  return (
    <div className="admin-page">
      <PageHeading title={d.user.newTitle} />
      <form className="form panel admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        {licenceRefused && (
          <p>
            <Link to="/admin/licences">{d.user.licences}</Link>
          </p>
        )}
        <Field label={d.users.code} name="code" autoCapitalize="none" spellCheck={false} autoComplete="off" required error={errors.field('code')} />
        <Field label={d.users.name} name="name" autoComplete="off" required error={errors.field('name')} />
        <Field label={d.users.email} name="email" type="email" autoComplete="off" required error={errors.field('email')} />
        <Field label={d.user.password} name="password" type="password" autoComplete="new-password" required error={errors.field('password')} />
        <SelectField
          label={d.user.locale}
          name="locale"
          defaultValue={currentLanguage()}
          options={[
            { value: 'ja', label: t('language.ja') },
            { value: 'en', label: t('language.en') },
          ]}
          error={errors.field('locale')}
        />
        <SelectField label={d.user.timezone} name="timezone" defaultValue={tz} options={timeZoneOptions()} error={errors.field('timezone')} />
        <CheckField label={d.user.isAdmin} name="isAdmin" error={errors.field('isAdmin')} />
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{d.user.create}</SubmitButton>
          <Link to="/admin/users" className="button">
            {s.cancel}
          </Link>
        </div>
      </form>
    </div>
  );
}
