"use client";

import type { FormEvent } from "react";

import { signIn } from "next-auth/react";

import { ZSignInRequest } from "@/lib/schemas/auth";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function SignInForm({ next }: { next: string }) {
  const { router, errors, message, setMessage, isBusy, setBusy, read } = useFormSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = read(event, ZSignInRequest, (form) => ({ email: form.get("email"), password: form.get("password") }));
    if (!input) return;
    const result = await signIn("credentials", { ...input, redirect: false });
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
