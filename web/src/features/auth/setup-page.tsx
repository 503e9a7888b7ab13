// Engawa のセットアップ: the first administrator, created through the one-time link the server
// prints on its first start (`/setup#token=…`; the fragment never leaves the browser except in
// this form's body). Afterwards the link is dead and the page says setup is complete.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { completeSetup, setupStatus } from '../../api/auth';
import { currentLanguage, isLanguage } from '../../i18n';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { browserTimeZone, timeZoneOptions } from '../../ui/time-zones';
import { AuthLayout } from './auth-layout';
import type { SignInState } from './sign-in-page';

const FIELDS = ['code', 'name', 'email', 'password', 'timezone', 'locale'] as const;

export function SetupPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  const status = useQuery({ queryKey: ['setup'], queryFn: setupStatus, retry: false });
  const setup = useMutation({
    mutationFn: completeSetup,
    onSuccess: (_answer, input) => {
      const state: SignInState = { notice: t('setup.done'), login: input.code };
      // The token leaves the address bar with the page: it is spent.
      void navigate('/login', { replace: true, state });
    },
  });
  const errors = formErrors(setup.error, FIELDS, t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const locale = value('locale');
    setup.mutate({
      token,
      code: value('code'),
      name: value('name'),
      email: value('email'),
      password: String(data.get('password') ?? ''),
      timezone: value('timezone'),
      ...(isLanguage(locale) ? { locale } : {}),
    });
  }

  let body;
  if (status.isPending) body = <Loading />;
  else if (status.isError)
    body = (
      <p className="form-error" role="alert">
        {errorText(status.error, t)}
      </p>
    );
  else if (!status.data.required)
    body = (
      <>
        <p>{t('setup.notRequired')}</p>
        <ul className="links">
          <li>
            <Link to="/login">{t('common.backToLogin')}</Link>
          </li>
        </ul>
      </>
    );
  else if (!token)
    body = (
      <p className="form-error" role="alert">
        {t('setup.noToken')}
      </p>
    );
  else
    body = (
      <>
        <p>{t('setup.hint')}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <Field label={t('setup.code')} name="code" autoComplete="username" autoCapitalize="none" spellCheck={false} required error={errors.field('code')} />
          <Field label={t('setup.name')} name="name" autoComplete="name" required error={errors.field('name')} />
          <Field label={t('setup.email')} name="email" type="email" autoComplete="email" required error={errors.field('email')} />
          <Field label={t('setup.password')} name="password" type="password" autoComplete="new-password" required error={errors.field('password')} />
          <SelectField label={t('setup.timezone')} name="timezone" defaultValue={browserTimeZone()} options={timeZoneOptions()} error={errors.field('timezone')} />
          <SelectField
            label={t('setup.locale')}
            name="locale"
            defaultValue={currentLanguage()}
            options={[
              { value: 'ja', label: t('language.ja') },
              { value: 'en', label: t('language.en') },
            ]}
            error={errors.field('locale')}
          />
          <SubmitButton pending={setup.isPending}>{t('setup.submit')}</SubmitButton>
        </form>
      </>
    );
  return <AuthLayout title={t('setup.title')}>{body}</AuthLayout>;
}
