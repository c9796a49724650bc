"use client";

import { useState, type FormEvent } from "react";

import { useRouter } from "next/navigation";

import { joinDebate } from "@/lib/client/api/members";
import { fieldErrorsOf } from "@/lib/errors";
import { ZJoinRequest } from "@/lib/schemas/join";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";

/** Joins the debate whose code is typed in, then opens it. */
export function JoinForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZJoinRequest.safeParse({ code: new FormData(event.currentTarget).get("code") });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      const { slug } = await joinDebate(parsed.data);
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
