// ログイン: users sign in with their login name, guests (on their own page, as in kintone) with
// their e-mail address. When the server asks for a second factor the same card continues with
// the code; what a session must do first (a new password, TOTP enrolment) is the protected
// pages' business (require-session.tsx), so a reload lands there too.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import type { TwoStepAnswer } from '../../../../common/api/two-step.js';
import { isTwoStep, signIn } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';
import { AllowListResetRequest, isRestrictionRefusal } from './allow-list-reset-request';
import { AuthLayout } from './auth-layout';
import { CodeStep } from './code-step';
import { safeNext, useSession, useSignedIn } from './session';

/** What another page hands over when it sends someone here (router state, kept on reload). */
export interface SignInState {
  notice?: string;
  login?: string;
}

export function SignInPage({ guest = false }: { guest?: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const handed = (location.state ?? {}) as SignInState;
  const next = safeNext(params.get('next'));
  const session = useSession();
  const signedIn = useSignedIn();
  const [challenge, setChallenge] = useState<TwoStepAnswer['twoStep'] | null>(null);
  const submit = useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => (isTwoStep(answer) ? setChallenge(answer.twoStep) : signedIn(answer)),
  });

  if (session.data) return <Navigate to={next} replace />;

  const title = guest ? t('signIn.guestTitle') : t('signIn.title');
  if (challenge) {
    return (
      <CodeStep
        challenge={challenge}
        onRestart={() => {
          setChallenge(null);
          submit.reset();
        }}
      />
    );
  }

  const loginField = guest ? 'email' : 'login';
  const errors = formErrors(submit.error, ['login', 'password'], t);
  const query = params.toString() ? `?${params.toString()}` : '';
  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    submit.mutate({ login: String(data.get('login') ?? '').trim(), password: String(data.get('password') ?? ''), ...(guest ? { guest: true } : {}) });
  }

  return (
    <AuthLayout title={title}>
      {handed.notice && <Notice>{handed.notice}</Notice>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field
          label={t(`signIn.${loginField}`)}
          name="login"
          type={guest ? 'email' : 'text'}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={handed.login ?? ''}
          error={errors.field('login')}
        />
        <Field label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required error={errors.field('password')} />
        <SubmitButton pending={submit.isPending}>{t('signIn.submit')}</SubmitButton>
      </form>
      {/* Refused for where this browser is, not for the password: an administrator may lift it. */}
      {!guest && isRestrictionRefusal(submit.error) && <AllowListResetRequest login={submit.variables?.login} />}
      <ul className="links">
        <li>
          <Link to={`/forgot-password${guest ? '?guest=1' : ''}`}>{t('signIn.forgot')}</Link>
        </li>
        <li>
          <Link to={`${guest ? '/login' : '/login/guest'}${query}`}>{guest ? t('signIn.asUser') : t('signIn.asGuest')}</Link>
        </li>
      </ul>
    </AuthLayout>
  );
}

export function GuestSignInPage() {
  return <SignInPage guest />;
}
