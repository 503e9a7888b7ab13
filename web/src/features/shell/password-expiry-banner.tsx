// A password that expires within five days (GET /api/session's passwordExpiresAt): a banner over
// every screen until the password is changed, which the user may close for this tab's session
// (sessionStorage) — it comes back in the next one, as the date comes nearer.
import { useState } from 'react';
import { Link } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { useSession } from '../auth/session';
import { expiryStrings } from './password-expiry-strings';
import './password-expiry-banner.css';

const DAY_MS = 86_400_000;
const DISMISSED_KEY = 'engawa.passwordExpiryDismissed';
export const MY_PASSWORD_PAGE = '/me/password';

function dismissedFor(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

export function PasswordExpiryBanner() {
  const s = useStrings(expiryStrings);
  const expiresAt = useSession().data?.passwordExpiresAt;
  const [dismissed, setDismissed] = useState(dismissedFor);
  // Counted when the frame appears: a day's drift while one screen stays open does not matter.
  const [shownAt] = useState(() => Date.now());
  if (!expiresAt || dismissed === expiresAt) return null;
  const days = Math.max(1, Math.ceil((Date.parse(expiresAt) - shownAt) / DAY_MS));

  function dismiss(): void {
    try {
      sessionStorage.setItem(DISMISSED_KEY, expiresAt!);
    } catch {
      // closed for this page only
    }
    setDismissed(expiresAt!);
  }

  return (
    <section className="expiry-banner" role="status" aria-label={s.label}>
      <span>{s.expiresIn(days)}</span>
      <Link to={MY_PASSWORD_PAGE}>{s.change}</Link>
      <button type="button" className="link-button expiry-banner__close" onClick={dismiss}>
        {s.dismiss}
      </button>
    </section>
  );
}
