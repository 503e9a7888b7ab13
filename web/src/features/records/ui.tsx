// Small pieces the record screens share: a modal dialog (the native <dialog>, which keeps focus
// inside and closes on Escape), a visually hidden text, and an error line.
import { type ReactNode, useId } from 'react';
import { useModal } from '../../ui/modal';

export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useModal(open);
  const headingId = useId();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose} onCancel={(e) => (e.preventDefault(), onClose())}>
      {open && (
        <>
          <h2 id={headingId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

export function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

export { ErrorLine } from '../../ui/error-line';
