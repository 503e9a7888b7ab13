// The frame of the pages a mailed link opens (invitation, password reset, IP restriction reset).
// The link is checked before anything is asked, so a dead one (none in the address, unknown, used,
// expired) says so with a way back, and a live one says whose it is above the page's form.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { AuthLayout } from './auth-layout';
import { type LinkPath, useLinkToken } from './link-token';

export interface OpenedLink<T> {
  token: string | null;
  info: UseQueryResult<T>;
}

/** The link's token and what the server says about it; opening it uses nothing up. */
export function useOpenedLink<T>(path: LinkPath, open: (token: string) => Promise<T>): OpenedLink<T> {
  const token = useLinkToken(path);
  const info = useQuery({
    queryKey: ['link', path, token],
    queryFn: () => open(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  return { token, info };
}

interface LinkPageProps<T> {
  title: string;
  link: OpenedLink<T>;
  /** What the page says when it was opened without its link. */
  noToken: string;
  /** Under a dead link's alert, before the way back: say, the form that asks for a new link. */
  renew?: ReactNode;
  back?: { to: string; label: string };
  /** Once the link has done its work, shown instead of everything else. */
  done?: ReactNode;
  /** The line that says whose link it is (the account, or who invited whom). */
  account: (info: T) => string;
  children: (info: T, token: string) => ReactNode;
}

export function LinkPage<T>({ title, link: { token, info }, noToken, renew, back, done, account, children }: LinkPageProps<T>) {
  const { t } = useTranslation();
  let body;
  if (done) body = done;
  else if (token === null || info.isError)
    body = (
      <>
        <p className="form-error" role="alert">
          {token === null ? noToken : errorText(info.error, t)}
        </p>
        {renew}
        {back && (
          <ul className="links">
            <li>
              <Link to={back.to}>{back.label}</Link>
            </li>
          </ul>
        )}
      </>
    );
  else if (info.isPending) body = <Loading />;
  else
    body = (
      <>
        <p>{account(info.data)}</p>
        {children(info.data, token)}
      </>
    );
  return <AuthLayout title={title}>{body}</AuthLayout>;
}
