"use client";

import type { FormEvent } from "react";

import { signIn } from "next-auth/react";

import { ApiError } from "@/lib/client/api/api-error";
import { signUp } from "@/lib/client/api/users";
import { ZSignUpRequest } from "@/lib/schemas/auth";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function SignUpForm({ next }: { next: string }) {
  const { router, errors, setErrors, message, setMessage, isBusy, setBusy, read } = useFormSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = read(event, ZSignUpRequest, (form) => ({ name: form.get("name"), email: form.get("email"), password: form.get("password") }));
    if (!input) return;
    try {
      await signUp(input);
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      // The server answers a registered email as a new one (it never says which emails have accounts);
      // only the sign-in that follows fails, when the password is not that account's.
      if (result?.error) throw new ApiError(401, "UNAUTHORIZED", result.error === "CredentialsSignin" || /do not match/.test(result.error) ? "We could not sign you in. If this email already has an account, sign in with its password." : result.error);
      router.push(next);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors);
        setMessage(error.message);
      }
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="name">Display name</label>
      <input id="name" name="name" autoComplete="nickname" aria-describedby="name-error" aria-invalid={!!errors.name} />
      <FieldError id="name-error" messages={errors.name} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" aria-describedby="email-error" aria-invalid={!!errors.email} />
      <FieldError id="email-error" messages={errors.email} />
      <label htmlFor="password">Password (at least 10 characters)</label>
      <input id="password" name="password" type="password" autoComplete="new-password" aria-describedby="password-error" aria-invalid={!!errors.password} />
      <FieldError id="password-error" messages={errors.password} />
      <FormStatus message={message} />
      <SubmitButton label="Sign up" busyLabel="Creating your account…" isBusy={isBusy} />
    </form>
  );
}
