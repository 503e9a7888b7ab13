// The second step of a sign-in: the code mailed to a guest (二段階認証), or a user's TOTP code or
// recovery code (2要素認証). A challenge lives ten minutes and five wrong codes; after that the
// server says so and the person starts again from the password.
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoStepAnswer } from '../../../../common/api/two-step.js';
import { verifySignIn } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { AuthLayout } from './auth-layout';
import { useSignedIn } from './session';

export function CodeStep({ challenge, onRestart }: { challenge: TwoStepAnswer['twoStep']; onRestart: () => void }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const verify = useMutation({ mutationFn: verifySignIn, onSuccess: signedIn });
  const errors = formErrors(verify.error, ['code'], t);
  const email = challenge.kind === 'email';

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    verify.mutate({ challenge: challenge.challenge, code });
  }

  return (
    <AuthLayout title={email ? t('twoStep.emailTitle') : t('twoStep.totpTitle')}>
      <p>{email ? t('twoStep.emailHint') : t('twoStep.totpHint')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field
          label={t('twoStep.code')}
          name="code"
          autoComplete="one-time-code"
          inputMode={email ? 'numeric' : 'text'}
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          error={errors.field('code')}
        />
        <SubmitButton pending={verify.isPending}>{t('twoStep.submit')}</SubmitButton>
      </form>
      <ul className="links">
        <li>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('common.backToLogin')}
          </button>
        </li>
      </ul>
    </AuthLayout>
  );
}
