"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A native modal <dialog>: opened on mount, so focus is trapped and Escape
 * closes it (through onClose), and closed on unmount.
 */
export function ModalDialog({ labelledBy, onClose, children }: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={labelledBy} onCancel={onClose}>
      {children}
    </dialog>
  );
}

/** The row of buttons at the foot of a dialog: Cancel, then the main action. */
export function DialogActions({ onCancel, submitLabel, isBusy = false }: { onCancel: () => void; submitLabel: string; isBusy?: boolean }) {
  return (
    <div className="dialog__actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {submitLabel}
      </button>
    </div>
  );
}
