// A modal question with its two answers (kintone asks before destroying or applying anything:
// ui-glossary §2.2). A native <dialog>: focus moves into it, Escape closes it, the page behind
// is inert — without a library.
import { type ReactNode, useId } from 'react';
import { useModal } from '../../ui/modal';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider dialogs hold a settings form. */
  wide?: boolean;
}

export function Dialog({ open, title, onClose, children, wide }: DialogProps) {
  const ref = useModal(open);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      className={wide ? 'as-dialog as-dialog--wide' : 'as-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="as-dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}

/** The destructive or applying button comes last in reading order, as kintone places it. */
export function ConfirmDialog({ open, title, message, confirm, cancel, danger, pending, onConfirm, onCancel, children }: ConfirmProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <p>{message}</p>
      {children}
      <div className="as-actions">
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          {cancel}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
