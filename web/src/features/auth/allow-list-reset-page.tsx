// IPアドレス制限の解除, opened from the link mailed to a locked-out administrator
// (`/allow-list-reset/<token>`). The page says whose link it is and what lifting the restriction
// does, and asks before doing it: opening the page changes nothing, and the token leaves the
// address bar once it has loaded (link-token.ts). It signs nobody in — the administrator then logs
// in as usual and corrects the list. A dead link (unknown, used, expired) says so, with the form
// that asks for a new one.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { completeAllowListReset, openAllowListReset } from '../../api/allow-list-reset';
import { errorText, formErrors } from '../../ui/errors';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { AllowListResetRequest } from './allow-list-reset-request';
import { AuthLayout } from './auth-layout';
import { forgetLinkToken, useLinkToken } from './link-token';
import { loginPath } from './session';
import type { SignInState } from './sign-in-page';

/** Where the administrator goes once signed in: the screen that holds the list. */
const SETTINGS_PAGE = '/admin/security';

export function AllowListResetPage() {
  const { t } = useTranslation();
  const token = useLinkToken('/allow-list-reset');
  const info = useQuery({
    queryKey: ['allow-list-reset', token],
    queryFn: () => openAllowListReset(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const lift = useMutation({
    mutationFn: () => completeAllowListReset(token ?? ''),
    onSuccess: () => forgetLinkToken('/allow-list-reset'),
  });
  const errors = formErrors(lift.error, [], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    lift.mutate();
  }

  let body;
  if (lift.isSuccess) {
    const state: SignInState = info.data ? { login: info.data.login } : {};
    body = (
      <>
        <Notice>{t('allowListReset.done')}</Notice>
        <ul className="links">
          <li>
            <Link to={loginPath(false, SETTINGS_PAGE)} state={state}>
              {t('allowListReset.toLogin')}
            </Link>
          </li>
        </ul>
      </>
    );
  } else if (token === null || info.isError)
    body = (
      <>
        <p className="form-error" role="alert">
          {token === null ? t('allowListReset.noToken') : errorText(info.error, t)}
        </p>
        <AllowListResetRequest open />
        <ul className="links">
          <li>
            <Link to="/login">{t('common.backToLogin')}</Link>
          </li>
        </ul>
      </>
    );
  else if (info.isPending) body = <Loading />;
  else
    body = (
      <>
        <p>{t('allowListReset.account', { login: info.data.login })}</p>
        <p>{t('allowListReset.explain')}</p>
        <p>{t('allowListReset.next')}</p>
        <p>
          <strong>{t('allowListReset.confirm')}</strong>
        </p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <SubmitButton pending={lift.isPending}>{t('allowListReset.submit')}</SubmitButton>
        </form>
      </>
    );
  return <AuthLayout title={t('allowListReset.title')}>{body}</AuthLayout>;
}
