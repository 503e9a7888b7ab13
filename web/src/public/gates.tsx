// What a visitor sees instead of the view: the password form, the network refusal, the busy page
// (which counts down the server's Retry-After and tries again by itself), and not found — one
// page for every reason a view cannot be opened, so nobody learns which.
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { NETWORK, VisitorError, visitorCall } from './api';
import { EmailSignIn } from './email-sign-in';
import { useLang } from './lang';

export function Gate({ error, token, onRetry }: { error: VisitorError; token: string; onRetry(): void }) {
  switch (error.code) {
    case 'CB_PV07':
      return <PasswordGate token={token} onUnlocked={onRetry} />;
    case 'CB_PV30':
      return <EmailSignIn token={token} onSignedIn={onRetry} />;
    case 'CB_PV10':
      return <Refused />;
    case 'CB_PV06':
    case 'CB_PV13':
      return <Busy seconds={error.retryAfter ?? 10} onRetry={onRetry} />;
    default:
      return error.status === 404 || error.status === 400 ? <NotFound /> : <Failed error={error} onRetry={onRetry} />;
  }
}

function Message({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <section className="pv-gate" aria-labelledby="pv-gate-title">
      <h1 id="pv-gate-title">{title}</h1>
      <p>{text}</p>
      {children}
    </section>
  );
}

export function NotFound() {
  const { s } = useLang();
  return <Message title={s.notFoundTitle} text={s.notFoundText} />;
}

function Refused() {
  const { s } = useLang();
  return <Message title={s.refusedTitle} text={s.refusedText} />;
}

function Failed({ error, onRetry }: { error: VisitorError; onRetry(): void }) {
  const { s } = useLang();
  const text = error.code === NETWORK ? s.networkText : `${error.message || s.errorTitle} ${error.id ? s.reference(error.id) : ''}`;
  return (
    <Message title={s.errorTitle} text={text}>
      <button type="button" className="pv-button" onClick={onRetry}>
        {s.retry}
      </button>
    </Message>
  );
}

function Busy({ seconds, onRetry }: { seconds: number; onRetry(): void }) {
  const { s } = useLang();
  const [left, setLeft] = useState(Math.min(Math.max(Math.ceil(seconds), 1), 600));
  useEffect(() => {
    if (left <= 0) {
      onRetry();
      return;
    }
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left, onRetry]);
  return (
    <Message title={s.busyTitle} text={s.busyText}>
      <p role="status" className="pv-muted">
        {s.retryIn(Math.max(left, 0))}
      </p>
      <button type="button" className="pv-button" onClick={onRetry}>
        {s.retry}
      </button>
    </Message>
  );
}

function PasswordGate({ token, onUnlocked }: { token: string; onUnlocked(): void }) {
  const { s } = useLang();
  const id = useId();
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<VisitorError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await visitorCall('POST', `/public/${token}/unlock.json`, { password });
      onUnlocked();
    } catch (err) {
      setError(err instanceof VisitorError ? err : new VisitorError(0, NETWORK, '', '', null));
      setPending(false);
    }
  };
  const message = error ? (error.code === NETWORK ? s.networkText : error.message || s.errorTitle) : null;
  return (
    <Message title={s.passwordTitle} text={s.passwordText}>
      <form className="pv-form" onSubmit={submit}>
        <div className={message ? 'pv-field pv-field--invalid' : 'pv-field'}>
          <label htmlFor={`${id}-pw`}>{s.password}</label>
          <input
            id={`${id}-pw`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-err` : undefined}
          />
          {message && (
            <p id={`${id}-err`} className="pv-error" role="alert">
              {message}
            </p>
          )}
        </div>
        <button type="submit" className="pv-button pv-button--primary" disabled={pending}>
          {s.unlock}
        </button>
      </form>
    </Message>
  );
}
