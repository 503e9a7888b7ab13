// The secret token of a mailed link (`/invitations/<token>`, `/password-reset/<token>`,
// `/allow-list-reset/<token>`). Once the page has loaded it leaves the address bar — the history,
// a shared screen or a screenshot would show it — and is kept in this tab's sessionStorage
// instead, so the form still works and a reload of the token-less address finds it again (I6).
// The server sends these pages with `Referrer-Policy: no-referrer`, and nothing is used up before
// the form is sent.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';

export type LinkPath = '/invitations' | '/password-reset' | '/allow-list-reset';

const storageKey = (page: LinkPath) => `engawa.link${page}`;

function remembered(page: LinkPath): string | null {
  try {
    return sessionStorage.getItem(storageKey(page));
  } catch {
    return null; // storage disabled: a reload asks for the link again
  }
}

/** The link's token, or null when the page was opened without one (then say so). */
export function useLinkToken(page: LinkPath): string | null {
  const fromPath = useParams().token ?? null;
  const [token] = useState(() => fromPath ?? remembered(page));
  useEffect(() => {
    if (!fromPath) return;
    try {
      sessionStorage.setItem(storageKey(page), fromPath);
    } catch {
      // kept in memory only: the page works, a reload does not
    }
    // Straight on window.history: the router keeps rendering this page, only the bar changes.
    window.history.replaceState(window.history.state, '', page);
  }, [fromPath, page]);
  return token;
}

/** The link has done its work (registered, joined, reset): a reload must not offer it again. */
export function forgetLinkToken(page: LinkPath): void {
  try {
    sessionStorage.removeItem(storageKey(page));
  } catch {
    // nothing kept
  }
}
