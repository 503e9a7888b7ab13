// 2要素認証の設定, forced: the domain requires TOTP and this user has none yet, so the session
// may only enrol. The QR code is the server's SVG shown as an image (an <img> never runs what
// it shows); the recovery codes are shown once, before the full session takes over.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../api/auth';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { AuthLayout } from './auth-layout';
import { SESSION_KEY } from './session';
import { useSignOut } from './sign-out';

export function TotpEnrolmentPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const start = useMutation({ mutationFn: startTotpEnrolment });
  const confirm = useMutation({ mutationFn: confirmTotpEnrolment });
  const errors = formErrors(confirm.error, ['code'], t);

  function onConfirm(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    confirm.mutate({ code: String(new FormData(e.currentTarget).get('code') ?? '').trim() });
  }

  let body;
  if (confirm.data) {
    body = (
      <>
        <h2>{t('totpSetup.recoveryTitle')}</h2>
        <p>{t('totpSetup.recoveryHint')}</p>
        <ul className="recovery-codes" aria-label={t('totpSetup.recoveryTitle')}>
          {confirm.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button button--primary" onClick={() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })}>
          {t('totpSetup.continue')}
        </button>
      </>
    );
  } else if (start.data) {
    const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`;
    body = (
      <>
        <p>{t('totpSetup.scan')}</p>
        <img className="qr" src={qr} alt={t('totpSetup.qrAlt')} width={200} height={200} />
        <p className="secret">
          {t('totpSetup.secret')}: <code>{start.data.secret}</code>
        </p>
        <form className="form" onSubmit={onConfirm} noValidate>
          <FormError errors={errors} />
          <Field label={t('twoStep.code')} name="code" autoComplete="one-time-code" inputMode="numeric" required error={errors.field('code')} />
          <SubmitButton pending={confirm.isPending}>{t('totpSetup.confirm')}</SubmitButton>
        </form>
      </>
    );
  } else {
    body = (
      <>
        <p>{t('totpSetup.required')}</p>
        {start.error ? (
          <p className="form-error" role="alert">
            {errorText(start.error, t)}
          </p>
        ) : null}
        <button type="button" className="button button--primary" disabled={start.isPending} onClick={() => start.mutate()}>
          {t('totpSetup.start')}
        </button>
      </>
    );
  }

  return (
    <AuthLayout title={t('totpSetup.title')}>
      {body}
      <ul className="links">
        <li>
          <button type="button" className="link-button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </button>
        </li>
      </ul>
    </AuthLayout>
  );
}
