// IPアドレス制限の解除, opened from the link mailed to a locked-out administrator
// (`/allow-list-reset/<token>`). The page says whose link it is and what lifting the restriction
// does, and asks before doing it: opening the page changes nothing, and the token leaves the
// address bar once it has loaded (link-token.ts). It signs nobody in — the administrator then logs
// in as usual and corrects the list. A dead link (unknown, used, expired) says so, with the form
// that asks for a new one.
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { completeAllowListReset, openAllowListReset } from '../../api/allow-list-reset';
import { formErrors } from '../../ui/errors';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { AllowListResetRequest } from './allow-list-reset-request';
import { LinkPage, useOpenedLink } from './link-page';
import { forgetLinkToken } from './link-token';
import { loginPath } from './session';
import type { SignInState } from './sign-in-page';

/** Where the administrator goes once signed in: the screen that holds the list. */
const SETTINGS_PAGE = '/admin/security';

export function AllowListResetPage() {
  const { t } = useTranslation();
  const link = useOpenedLink('/allow-list-reset', openAllowListReset);
  const lift = useMutation({
    mutationFn: () => completeAllowListReset(link.token ?? ''),
    onSuccess: () => forgetLinkToken('/allow-list-reset'),
  });
  const errors = formErrors(lift.error, [], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    lift.mutate();
  }

  const state: SignInState = link.info.data ? { login: link.info.data.login } : {};
  const done = lift.isSuccess && (
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
  return (
    <LinkPage
      title={t('allowListReset.title')}
      link={link}
      noToken={t('allowListReset.noToken')}
      renew={<AllowListResetRequest open />}
      back={{ to: '/login', label: t('common.backToLogin') }}
      done={done}
      account={(info) => t('allowListReset.account', { login: info.login })}
    >
      {() => (
        <>
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
      )}
    </LinkPage>
  );
}
