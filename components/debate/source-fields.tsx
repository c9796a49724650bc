"use client";

import type { TMapSource } from "@/lib/schemas/map";
import { PERSPECTIVES } from "@/lib/schemas/domain";
import { PERSPECTIVE_LABEL } from "@/lib/labels";

import { FieldError } from "@/components/ui/field-error";

export type SourceDraft =
  | { mode: "existing"; sourceId: string }
  | { mode: "new"; title: string; author: string; publisher: string; url: string; publishedAt: string; quote: string; perspective: string };

export const EMPTY_SOURCE: SourceDraft = { mode: "new", title: "", author: "", publisher: "", url: "", publishedAt: "", quote: "", perspective: "" };

/** The request body's shape for one source. */
export function sourceCitation(draft: SourceDraft): unknown {
  if (draft.mode === "existing") return { sourceId: draft.sourceId };
  const { title, author, publisher, url, publishedAt, quote, perspective } = draft;
  return { title, author, publisher, url, publishedAt, quote, perspective };
}

type Props = {
  index: number;
  draft: SourceDraft;
  known: TMapSource[];
  errors: Record<string, string[]>;
  onChange: (draft: SourceDraft) => void;
  onRemove?: () => void;
};

/** One cited source: picked from those already in the debate, or typed in with its perspective. */
export function SourceFields({ index, draft, known, errors, onChange, onRemove }: Props) {
  const id = (field: string) => `source-${index}-${field}`;
  const err = (field: string) => errors[`sources.${index}.${field}`] ?? (field === "_" ? errors[`sources.${index}`] : undefined);
  const text = (field: "title" | "author" | "publisher" | "url" | "quote", label: string, props: Record<string, unknown> = {}) =>
    draft.mode === "new" && (
      <div className="field">
        <label htmlFor={id(field)}>{label}</label>
        {field === "quote" ? (
          <textarea id={id(field)} value={draft[field]} rows={2} maxLength={2000} onChange={(e) => onChange({ ...draft, [field]: e.target.value })} aria-invalid={!!err(field)} aria-describedby={id(`${field}-error`)} />
        ) : (
          <input id={id(field)} value={draft[field]} onChange={(e) => onChange({ ...draft, [field]: e.target.value })} aria-invalid={!!err(field)} aria-describedby={id(`${field}-error`)} {...props} />
        )}
        <FieldError id={id(`${field}-error`)} messages={err(field)} />
      </div>
    );

  return (
    <fieldset className="source-fields">
      <legend>Source {index + 1}</legend>
      {known.length > 0 && (
        <div className="source-fields__mode" role="radiogroup" aria-label={`Source ${index + 1}: new or already cited`}>
          <label>
            <input type="radio" name={id("mode")} checked={draft.mode === "new"} onChange={() => onChange(EMPTY_SOURCE)} /> A new source
          </label>
          <label>
            <input type="radio" name={id("mode")} checked={draft.mode === "existing"} onChange={() => onChange({ mode: "existing", sourceId: known[0]!.id })} /> One already cited here
          </label>
        </div>
      )}
      {draft.mode === "existing" ? (
        <div className="field">
          <label htmlFor={id("sourceId")}>Source already cited in this debate</label>
          <select id={id("sourceId")} value={draft.sourceId} onChange={(e) => onChange({ mode: "existing", sourceId: e.target.value })}>
            {known.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({PERSPECTIVE_LABEL[s.perspective]})
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          {text("title", "Title")}
          <div className="field-row">
            {text("author", "Author (optional)")}
            {text("publisher", "Publisher (optional)")}
          </div>
          {text("url", "URL (http or https)", { type: "url", placeholder: "https://", maxLength: 2048 })}
          <div className="field">
            <label htmlFor={id("publishedAt")}>Publication date (optional)</label>
            <input id={id("publishedAt")} type="date" value={draft.publishedAt} onChange={(e) => onChange({ ...draft, publishedAt: e.target.value })} aria-describedby={id("publishedAt-error")} />
            <FieldError id={id("publishedAt-error")} messages={err("publishedAt")} />
          </div>
          {text("quote", "Quoted passage (optional)")}
          <fieldset className="perspective-choice" aria-describedby={id("perspective-error")}>
            <legend>Perspective of this source</legend>
            {PERSPECTIVES.map((p) => (
              <label key={p}>
                <input type="radio" name={id("perspective")} value={p} checked={draft.perspective === p} onChange={() => onChange({ ...draft, perspective: p })} /> {PERSPECTIVE_LABEL[p]}
              </label>
            ))}
          </fieldset>
          <FieldError id={id("perspective-error")} messages={err("perspective")} />
        </>
      )}
      <FieldError id={id("error")} messages={err("_")} />
      {onRemove && (
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove source {index + 1}
        </button>
      )}
    </fieldset>
  );
}
