import { MAX_STATEMENT_LENGTH } from "@/lib/schemas/node";

import { FieldError } from "@/components/ui/field-error";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Marks the field invalid when it has messages of its own. */
  isInvalid: boolean;
  messages: string[] | undefined;
  /**
   * Stop typing at the limit. Off where the text starts from a selected
   * passage, which may be longer than a statement may be: the count then
   * shows how much to cut.
   */
  capTyping: boolean;
};

/** A statement's text with the count of characters against the limit, as the statement dialogs ask for it. */
export function StatementTextField({ id, label, value, onChange, isInvalid, messages, capTyping }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={4}
        maxLength={capTyping ? MAX_STATEMENT_LENGTH : undefined}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={isInvalid}
        aria-describedby={`${id}-error ${id}-count`}
        autoFocus
      />
      <span id={`${id}-count`} className="field-hint">
        {value.length} / {MAX_STATEMENT_LENGTH}
      </span>
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
