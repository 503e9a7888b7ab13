// Leaving a form with unsaved changes asks first (ui-glossary §2.2): inside the app with a dialog,
// and the browser's own question when the tab is closed or reloaded.
import { useEffect, useId, useRef } from 'react';
import { useBlocker } from 'react-router';
import type { FormStrings } from './strings';

/** `when`: there are unsaved changes; `allow()` (read at navigation time) lets a save leave. */
export function LeaveGuard({ when, allow, s }: { when: boolean; allow: () => boolean; s: FormStrings }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && !allow() && currentLocation.pathname + currentLocation.search !== nextLocation.pathname + nextLocation.search,
  );
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (!when) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (allow()) return;
      e.preventDefault();
      // Chromium still wants returnValue set for the prompt.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [when, allow]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (blocker.state === 'blocked' && !dialog.open) dialog.showModal();
    if (blocker.state !== 'blocked' && dialog.open) dialog.close();
  }, [blocker.state]);

  return (
    <dialog ref={ref} className="rf-dialog" role="alertdialog" aria-labelledby={titleId} onCancel={() => blocker.reset?.()}>
      <h2 id={titleId}>{s.leaveTitle}</h2>
      <p>{s.leaveQuestion}</p>
      <div className="rf-dialog__actions">
        <button type="button" className="button" onClick={() => blocker.reset?.()}>
          {s.stay}
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.proceed?.()}>
          {s.leave}
        </button>
      </div>
    </dialog>
  );
}
