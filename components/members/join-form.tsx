"use client";

import type { FormEvent } from "react";

import { joinDebate } from "@/lib/client/api/members";
import { ZJoinRequest } from "@/lib/schemas/join";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/** Joins the debate whose code is typed in, then opens it. */
export function JoinForm() {
  const { router, errors, message, setMessage, isBusy, setBusy, read } = useFormSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = read(event, ZJoinRequest, (form) => ({ code: form.get("code") }));
    if (!input) return;
    try {
      const { slug } = await joinDebate(input);
      router.push(`/debates/${slug}`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The code could not be used.");
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="join-code">Join code</label>
      <input id="join-code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="K7QM-W3XH" aria-describedby="join-code-error" aria-invalid={!!errors.code} />
      <FieldError id="join-code-error" messages={errors.code} />
      <FormStatus message={message} />
      <SubmitButton label="Join" busyLabel="Joining…" isBusy={isBusy} />
    </form>
  );
}
