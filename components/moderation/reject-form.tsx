"use client";

import { useState, type FormEvent } from "react";

import { MAX_REJECTION_REASON_LENGTH, REJECTION_REASONS, ZRejectionReason } from "@/lib/schemas/moderation";

import { FieldError } from "@/components/ui/field-error";

const OTHER = "other";

/** Why an item is rejected: a reason from the list, or one the moderator writes. */
export function RejectForm({ id, isBusy, onReject, onCancel }: { id: string; isBusy: boolean; onReject: (reason: string) => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<string>(REJECTION_REASONS[0]);
  const [written, setWritten] = useState("");
  const [error, setError] = useState<string[] | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZRejectionReason.safeParse(choice === OTHER ? written : choice);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message));
    setError(undefined);
    onReject(parsed.data);
  };

  return (
    <form className="reject-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`reason-${id}`}>Reason for rejecting (the author sees it)</label>
        <select id={`reason-${id}`} value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
          {REJECTION_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {reason}
            </option>
          ))}
          <option value={OTHER}>Other…</option>
        </select>
      </div>
      {choice === OTHER && (
        <div className="field">
          <label htmlFor={`reason-text-${id}`}>Your reason</label>
          <textarea
            id={`reason-text-${id}`}
            value={written}
            rows={3}
            maxLength={MAX_REJECTION_REASON_LENGTH}
            onChange={(e) => setWritten(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`reason-text-${id}-error`}
          />
          <FieldError id={`reason-text-${id}-error`} messages={error} />
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={isBusy}>
          Reject
        </button>
      </div>
    </form>
  );
}
