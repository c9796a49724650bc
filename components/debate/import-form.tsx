"use client";

import { useState, type FormEvent } from "react";

import Link from "next/link";

import { ApiError } from "@/lib/client/api/api-error";
import { importDebate } from "@/lib/client/api/debates";
import { fieldErrorsOf } from "@/lib/errors";
import { PERSPECTIVES } from "@/lib/schemas/domain";
import { MAX_IMPORT_BYTES, ZImportRequest, type TImportResult } from "@/lib/schemas/import";
import { PERSPECTIVE_LABEL } from "@/lib/labels";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";

function guessFormat(name: string): "json" | "aif" | "argdown" {
  if (/\.(argdown|ad|md)$/i.test(name)) return "argdown";
  return /aif/i.test(name) ? "aif" : "json";
}

/** Reads a local file and imports it as a new debate, then says what was kept, dropped and repaired. */
export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"json" | "aif" | "argdown">("json");
  const [perspective, setPerspective] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!file) return setErrors({ content: ["Choose a file."] });
    if (file.size > MAX_IMPORT_BYTES) return setErrors({ content: ["The file is too large: at most 5 MB."] });
    const parsed = ZImportRequest.safeParse({ format, fileName: file.name, content: await file.text(), perspective });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      setResult(await importDebate(parsed.data));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The file could not be imported.");
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    }
    setBusy(false);
  }

  return (
    <form className="auth-form import-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="import-file">File (JSON export, AIF JSON or Argdown)</label>
      <input
        id="import-file"
        type="file"
        accept=".json,.argdown,.ad,.md,application/json,text/plain"
        aria-describedby="import-file-error"
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setFile(chosen);
          if (chosen) setFormat(guessFormat(chosen.name));
        }}
      />
      <FieldError id="import-file-error" messages={errors.content ?? errors.fileName} />
      <label htmlFor="import-format">Format</label>
      <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
        <option value="json">JSON (this app&apos;s export)</option>
        <option value="aif">AIF (AIFdb, OVA)</option>
        <option value="argdown">Argdown</option>
      </select>
      <fieldset className="perspective-choice" aria-describedby="import-perspective-error">
        <legend>Perspective of this file, cited by statements that have no source of their own</legend>
        {PERSPECTIVES.map((p) => (
          <label key={p}>
            <input type="radio" name="perspective" value={p} checked={perspective === p} onChange={() => setPerspective(p)} /> {PERSPECTIVE_LABEL[p]}
          </label>
        ))}
      </fieldset>
      <FieldError id="import-perspective-error" messages={errors.perspective} />
      <FormStatus message={message} />
      <SubmitButton label="Import" busyLabel="Importing…" isBusy={isBusy} />
      {result && (
        <section className="import-report" aria-label="Import report">
          <h2>Imported</h2>
          <p>
            {result.report.nodes} statements and {result.report.relations} relations. <Link href={`/debates/${result.slug}`}>Open the debate</Link>
          </p>
          {Object.keys(result.report.dropped).length > 0 && (
            <p>
              Left out, as the map has no place for them: {Object.entries(result.report.dropped).map(([what, count]) => `${count} ${what}`).join(", ")}.
            </p>
          )}
          {result.report.repairs.length > 0 && (
            <ul>
              {result.report.repairs.map((repair) => (
                <li key={repair}>{repair}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </form>
  );
}
