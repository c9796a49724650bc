/** A form's overall message, announced politely to screen readers. */
export function FormStatus({ message }: { message: string | null }) {
  return (
    <p className="form-message" role="status" aria-live="polite">
      {message}
    </p>
  );
}

/** The primary submit button, disabled and relabelled while the form is busy. */
export function SubmitButton({ label, busyLabel, isBusy }: { label: string; busyLabel: string; isBusy: boolean }) {
  return (
    <button type="submit" className="button button--primary" disabled={isBusy}>
      {isBusy ? busyLabel : label}
    </button>
  );
}
