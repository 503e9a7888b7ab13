// ゲストスペースへの招待, opened from the mailed link (`/invitations/<token>`). A new address signs
// up (新規登録して参加) and lands in the portal signed in; an address that already has a guest
// account joins (参加する) and signs in with it. Opening the page uses nothing up, and the token
// leaves the address bar once it has loaded (link-token.ts).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InvitationPageJson } from '../../../../common/api/invitations.js';
import { acceptInvitation, openInvitation, registerInvitee } from '../../api/auth';
import { currentLanguage, isLanguage, setLanguage } from '../../i18n';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SelectField, SubmitButton } from '../../ui/form';
import { browserTimeZone, timeZoneOptions } from '../../ui/time-zones';
import { LinkPage, useOpenedLink } from './link-page';
import { forgetLinkToken } from './link-token';
import { SESSION_KEY } from './session';
import type { SignInState } from './sign-in-page';

export function InvitationPage() {
  const { t } = useTranslation();
  const link = useOpenedLink('/invitations', openInvitation);
  return (
    <LinkPage
      title={t('invitation.title')}
      link={link}
      noToken={t('invitation.noToken')}
      account={(invitation) =>
        invitation.inviterName
          ? t('invitation.intro', { inviter: invitation.inviterName, space: invitation.spaceName })
          : t('invitation.introAnonymous', { space: invitation.spaceName })
      }
    >
      {(invitation, token) => <Invitation token={token} invitation={invitation} />}
    </LinkPage>
  );
}

function Invitation({ token, invitation }: { token: string; invitation: InvitationPageJson }) {
  const { t, i18n } = useTranslation();
  const expires = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(invitation.expiresAt));
  return (
    <>
      <p className="muted">{t('invitation.expires', { date: expires })}</p>
      {invitation.registered ? <Join token={token} email={invitation.email} /> : <Register token={token} email={invitation.email} />}
    </>
  );
}

function Register({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const register = useMutation({
    mutationFn: (input: { name: string; password: string; timezone: string; locale: 'ja' | 'en' }) => registerInvitee(token, input),
    onSuccess: async (_answer, input) => {
      forgetLinkToken('/invitations');
      await setLanguage(input.locale);
      // The answer set the new guest's session cookie: ask who that is, then go to the portal.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void navigate('/', { replace: true });
    },
  });
  const errors = formErrors(register.error, ['name', 'password', 'timezone', 'locale'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const locale = String(data.get('locale'));
    register.mutate({
      name: String(data.get('name') ?? '').trim(),
      password: String(data.get('password') ?? ''),
      timezone: String(data.get('timezone') ?? ''),
      locale: isLanguage(locale) ? locale : currentLanguage(),
    });
  }

  return (
    <>
      <h2>{t('invitation.registerTitle')}</h2>
      <p>{t('invitation.registerHint')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={t('signIn.email')} name="email" type="email" value={email} readOnly autoComplete="username" />
        <Field label={t('invitation.name')} name="name" autoComplete="name" required error={errors.field('name')} />
        <Field label={t('signIn.password')} name="password" type="password" autoComplete="new-password" required error={errors.field('password')} />
        <SelectField label={t('invitation.timezone')} name="timezone" defaultValue={browserTimeZone()} options={timeZoneOptions()} error={errors.field('timezone')} />
        <SelectField
          label={t('invitation.locale')}
          name="locale"
          defaultValue={currentLanguage()}
          options={[
            { value: 'ja', label: t('language.ja') },
            { value: 'en', label: t('language.en') },
          ]}
          error={errors.field('locale')}
        />
        <SubmitButton pending={register.isPending}>{t('invitation.register')}</SubmitButton>
      </form>
    </>
  );
}

function Join({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: async (answer) => {
      forgetLinkToken('/invitations');
      if (answer.signIn) {
        const state: SignInState = { notice: t('invitation.joined'), login: email };
        void navigate('/login/guest', { replace: true, state });
        return;
      }
      await queryClient.invalidateQueries();
      void navigate('/', { replace: true });
    },
  });
  return (
    <>
      <p>{t('invitation.joinHint')}</p>
      {join.error ? (
        <p className="form-error" role="alert">
          {errorText(join.error, t)}
        </p>
      ) : null}
      <button type="button" className="button button--primary" disabled={join.isPending} onClick={() => join.mutate()}>
        {t('invitation.join')}
      </button>
    </>
  );
}
