"use client";

import { useState, type FormEvent } from "react";

import { useRouter } from "next/navigation";

import { ApiError } from "@/lib/client/api/api-error";
import { createDebate } from "@/lib/client/api/debates";
import { VALIDATION_MESSAGE, fieldErrorsOf } from "@/lib/errors";
import { MAX_ARTICLE_LENGTH, MIN_ARTICLE_LENGTH, ZCreateDebateRequest, normaliseArticleText, type TCreateDebateRequest } from "@/lib/schemas/debate";
import { PERSPECTIVES } from "@/lib/schemas/domain";
import { PERSPECTIVE_LABEL } from "@/lib/labels";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";

const PERSPECTIVE_HINT = {
  armenian: "it argues the Armenian side's case",
  azerbaijani: "it argues the Azerbaijani side's case",
  neutral: "it reports or weighs the positions without arguing for one",
} as const;

type Draft = {
  title: string;
  description: string;
  moderationMode: string;
  article: { title: string; author: string; publisher: string; publishedAt: string; url: string; perspective: string; text: string };
};

const EMPTY: Draft = { title: "", description: "", moderationMode: "open", article: { title: "", author: "", publisher: "", publishedAt: "", url: "", perspective: "", text: "" } };

const count = (n: number) => n.toLocaleString("en");

/** The article a new debate maps, pasted in whole, with what the debate is called and how contributions are moderated. */
export function NewDebateForm() {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const length = normaliseArticleText(draft.article.text).length;
  const today = new Date().toISOString().slice(0, 10);

  const setArticle = (field: keyof Draft["article"], value: string) => setDraft((d) => ({ ...d, article: { ...d.article, [field]: value } }));

  /** Shows the errors and takes the focus to the first field that has one. */
  function showErrors(form: HTMLFormElement, byField: Record<string, string[]>) {
    setErrors(byField);
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"], fieldset:has(.field-error) input')?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = draft as TCreateDebateRequest;
    const parsed = ZCreateDebateRequest.safeParse(body);
    if (!parsed.success) {
      showErrors(form, fieldErrorsOf(parsed.error.issues));
      setMessage(VALIDATION_MESSAGE);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const { slug } = await createDebate(body);
      router.push(`/debates/${slug}`);
    } catch (error) {
      showErrors(form, error instanceof ApiError ? error.fieldErrors : {});
      setMessage(error instanceof Error ? error.message : "The debate could not be created.");
      setBusy(false);
    }
  }

  /** A one-line text field with its label and error. */
  const input = (id: string, label: string, value: string, onChange: (value: string) => void, errorKey: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!errors[errorKey]} aria-describedby={`${id}-error`} {...props} />
      <FieldError id={`${id}-error`} messages={errors[errorKey]} />
    </div>
  );

  return (
    <form className="auth-form new-debate" onSubmit={onSubmit} noValidate>
      <h2>The debate</h2>
      {input("debate-title", "Title of the debate", draft.title, (v) => setDraft((d) => ({ ...d, title: v })), "title", { maxLength: 200 })}
      <div className="field">
        <label htmlFor="debate-description">Description (optional)</label>
        <textarea
          id="debate-description"
          rows={2}
          maxLength={1000}
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          aria-invalid={!!errors.description}
          aria-describedby="debate-description-error"
        />
        <FieldError id="debate-description-error" messages={errors.description} />
      </div>
      <fieldset className="perspective-choice kind-choice--stacked" aria-describedby="debate-moderation-error">
        <legend>Contributions from participants</legend>
        <label>
          <input type="radio" name="moderationMode" checked={draft.moderationMode === "open"} onChange={() => setDraft((d) => ({ ...d, moderationMode: "open" }))} />
          <span>Open: they appear on the map at once</span>
        </label>
        <label>
          <input type="radio" name="moderationMode" checked={draft.moderationMode === "premoderated"} onChange={() => setDraft((d) => ({ ...d, moderationMode: "premoderated" }))} />
          <span>Pre-moderated: they wait until you or a moderator approve them</span>
        </label>
        <FieldError id="debate-moderation-error" messages={errors.moderationMode} />
      </fieldset>

      <h2>The article</h2>
      {input("article-title", "Title of the article", draft.article.title, (v) => setArticle("title", v), "article.title", { maxLength: 300 })}
      <div className="field-row">
        {input("article-author", "Author (optional)", draft.article.author, (v) => setArticle("author", v), "article.author", { maxLength: 200 })}
        {input("article-publisher", "Publisher (optional)", draft.article.publisher, (v) => setArticle("publisher", v), "article.publisher", { maxLength: 200 })}
      </div>
      <div className="field-row">
        {input("article-date", "Published on (optional)", draft.article.publishedAt, (v) => setArticle("publishedAt", v), "article.publishedAt", { type: "date", max: today })}
        {input("article-url", "Web address (optional)", draft.article.url, (v) => setArticle("url", v), "article.url", { type: "url", inputMode: "url", placeholder: "https://…", maxLength: 2048 })}
      </div>
      <fieldset className="perspective-choice kind-choice--stacked" aria-describedby="article-perspective-hint article-perspective-error">
        <legend>Whose case does the article argue?</legend>
        <p id="article-perspective-hint" className="field-hint field-hint--start">
          The case it makes, not where its author comes from. Passages mapped from the article are cited with this perspective.
        </p>
        {PERSPECTIVES.map((p) => (
          <label key={p}>
            <input type="radio" name="perspective" value={p} checked={draft.article.perspective === p} onChange={() => setArticle("perspective", p)} />
            <span>
              {PERSPECTIVE_LABEL[p]}: {PERSPECTIVE_HINT[p]}
            </span>
          </label>
        ))}
        <FieldError id="article-perspective-error" messages={errors["article.perspective"]} />
      </fieldset>
      <div className="field">
        <label htmlFor="article-text">Full text of the article</label>
        <textarea
          id="article-text"
          rows={14}
          value={draft.article.text}
          onChange={(e) => setArticle("text", e.target.value)}
          aria-invalid={!!errors["article.text"]}
          aria-describedby="article-text-count article-text-error"
        />
        <span id="article-text-count" className={`field-hint${length > MAX_ARTICLE_LENGTH ? " field-hint--over" : ""}`}>
          {count(length)} / {count(MAX_ARTICLE_LENGTH)} characters (at least {count(MIN_ARTICLE_LENGTH)})
          {length > MAX_ARTICLE_LENGTH && `: ${count(length - MAX_ARTICLE_LENGTH)} too many`}
        </span>
        <FieldError id="article-text-error" messages={errors["article.text"]} />
      </div>
      <FormStatus message={message} />
      <SubmitButton label="Create the debate" busyLabel="Creating the debate…" isBusy={isBusy} />
    </form>
  );
}
