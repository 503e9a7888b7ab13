// E-mail sign-in for views that ask for it (CB_PV30): the visitor gives an address and gets a
// one-time code or a sign-in link by mail; the code is typed here, the link opens this page with
// `?signIn=…` (handled by useLinkSignIn) in the browser that asked. The server answers the same
// whether the address may sign in or not, so this page never says either. Inside another site's
// frame only the code is offered: a mailed link opens the view in a tab of its own, whose cookies
// are not the frame's (the framed view's cookies are partitioned by the framing site).
import { type FormEvent, useEffect, useId, useState } from 'react';
import { SIGN_IN_LINK_PARAM } from '../../../common/api/public-visitors.js';
import { NETWORK, VisitorError, visitorCall } from './api';
import { useLang } from './lang';

/** Told to the page when a visitor signs in, so the signed-in bar asks who they are again. */
const SIGNED_IN = 'engawa:signed-in';

/** The page is shown inside another page's frame (an embedded view). */
function inFrame(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

function messageOf(err: unknown, fallback: string, network: string): string {
  if (err instanceof VisitorError) return err.code === NETWORK ? network : err.message || fallback;
  return fallback;
}

export function EmailSignIn({ token, onSignedIn }: { token: string; onSignedIn(): void }) {
  const { s } = useLang();
  const w = s.signIn;
  const id = useId();
  const [email, setEmail] = useState('');
  const [method, setMethod] = useState<'code' | 'link'>('code');
  const [sent, setSent] = useState<'code' | 'link' | null>(null);
  const [framed] = useState(inFrame);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(messageOf(err, s.errorTitle, s.networkText));
    } finally {
      setPending(false);
    }
  };
  const ask = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await visitorCall('POST', `/public/${token}/sign-in.json`, { email: email.trim(), method });
      setSent(method);
    });
  };
  const prove = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await visitorCall('POST', `/public/${token}/sign-in/code.json`, { email: email.trim(), code: code.trim() });
      window.dispatchEvent(new Event(SIGNED_IN));
      onSignedIn();
    });
  };
  return (
    <section className="pv-gate" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{w.title}</h1>
      {sent === null && (
        <form className="pv-form" onSubmit={ask}>
          <p>{w.intro}</p>
          <div className="pv-field">
            <label htmlFor={`${id}-email`}>{w.email}</label>
            <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          {!framed && (
            <fieldset className="pv-choices pv-method">
              <legend>{w.how}</legend>
              <label className="pv-choice">
                <input type="radio" name="method" checked={method === 'code'} onChange={() => setMethod('code')} /> {w.byCode}
              </label>
              <label className="pv-choice">
                <input type="radio" name="method" checked={method === 'link'} onChange={() => setMethod('link')} /> {w.byLink}
              </label>
            </fieldset>
          )}
          <button type="submit" className="pv-button pv-button--primary" disabled={pending}>
            {w.send}
          </button>
        </form>
      )}
      {sent === 'code' && (
        <form className="pv-form" onSubmit={prove}>
          <p role="status">{w.codeSent(email.trim())}</p>
          <div className="pv-field">
            <label htmlFor={`${id}-code`}>{w.code}</label>
            <input id={`${id}-code`} inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <button type="submit" className="pv-button pv-button--primary" disabled={pending}>
            {w.signIn}
          </button>
        </form>
      )}
      {sent === 'link' && <p role="status">{w.linkSent(email.trim())}</p>}
      {sent !== null && (
        <p>
          <button type="button" className="pv-linkish" onClick={() => setSent(null)}>
            {w.again}
          </button>
        </p>
      )}
      {error && (
        <p className="pv-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * A sign-in link opened: proves it once (in the browser that asked), then drops it from the
 * address so a reload or a shared URL never carries it. `ready` once there is nothing to prove.
 */
export function useLinkSignIn(token: string): { ready: boolean; error: string | null } {
  const { s } = useLang();
  const [link] = useState(() => new URLSearchParams(window.location.search).get(SIGN_IN_LINK_PARAM));
  const [state, setState] = useState<{ ready: boolean; error: string | null }>({ ready: link === null, error: null });
  useEffect(() => {
    if (link === null || !token) return;
    const url = new URL(window.location.href);
    url.searchParams.delete(SIGN_IN_LINK_PARAM);
    window.history.replaceState(null, '', url.pathname + url.search);
    visitorCall('POST', `/public/${token}/sign-in/link.json`, { token: link }).then(
      () => setState({ ready: true, error: null }),
      (err: unknown) => setState({ ready: true, error: messageOf(err, s.errorTitle, s.networkText) }),
    );
  }, [link, token, s.errorTitle, s.networkText]);
  return state;
}

/** Who is signed in, with sign-out, on a view with e-mail sign-in (nothing otherwise). */
export function SignedInBar({ token }: { token: string }) {
  const { s } = useLang();
  const [me, setMe] = useState<{ email: string; name: string } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const again = () => setRound((n) => n + 1);
    window.addEventListener(SIGNED_IN, again);
    return () => window.removeEventListener(SIGNED_IN, again);
  }, []);
  useEffect(() => {
    const abort = new AbortController();
    visitorCall<{ email: string; name: string }>('GET', `/public/${token}/me.json`, undefined, abort.signal).then(setMe, () => undefined);
    return () => abort.abort();
  }, [token, round]);
  if (!me) return null;
  const signOut = async () => {
    try {
      await visitorCall('POST', `/public/${token}/sign-out.json`, {});
    } finally {
      window.location.reload();
    }
  };
  return (
    <p className="pv-me">
      <span>{s.signIn.signedInAs(me.name ? `${me.name} <${me.email}>` : me.email)}</span>
      <button type="button" className="pv-button" onClick={() => void signOut()}>
        {s.signIn.signOut}
      </button>
    </p>
  );
}
