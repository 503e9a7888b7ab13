// A native <dialog> opened as a modal while `open` is true and closed when it turns false: focus
// moves into it, Escape asks to close it, the page behind is inert — without a library.
import { type RefObject, useEffect, useRef } from 'react';

/** The ref to put on the <dialog>. */
export function useModal(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}
