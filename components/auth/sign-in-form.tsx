"use client";

import { useState, type FormEvent } from "react";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

import { fieldErrorsOf } from "@/lib/errors";
import { ZSignInRequest } from "@/lib/schemas/auth";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignInRequest.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setBusy(true);
    setErrors({});
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (result?.error) {
      // The server's own words: a wrong password, or how long to wait after too many.
      setMessage(result.error === "CredentialsSignin" ? "That email and password do not match an account." : result.error);
      setBusy(false);
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" aria-describedby="email-error" aria-invalid={!!errors.email} />
      <FieldError id="email-error" messages={errors.email} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" aria-describedby="password-error" aria-invalid={!!errors.password} />
      <FieldError id="password-error" messages={errors.password} />
      <FormStatus message={message} />
      <SubmitButton label="Sign in" busyLabel="Signing in…" isBusy={isBusy} />
    </form>
  );
}
