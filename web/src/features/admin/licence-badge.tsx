// A guest's licence as kintone names it (試用 / 有料 / 無料) and the last day of its trial.
import type { LicenceState } from '../../../../common/licences/guest-licence.js';
import { useStrings } from '../../i18n/area-strings';
import { guestStrings } from './guest-strings';
import { strings } from './strings';

export function LicenceBadge({ state }: { state: LicenceState }) {
  const s = useStrings(strings);
  return <span className={`licence licence--${state}`}>{s.licence[state]}</span>;
}

/** The trial's last day (a Japanese calendar day, as billed); before the first login, not started. */
export function TrialEnds({ state, trialEnds }: { state: LicenceState; trialEnds: string | null }) {
  const g = useStrings(guestStrings);
  if (trialEnds) return <>{trialEnds}</>;
  return <span className="muted">{state === 'trial' ? g.notStarted : '—'}</span>;
}
