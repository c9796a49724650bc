"use client";

import { useState, type FormEvent } from "react";

import { useRouter } from "next/navigation";
import type { z } from "zod";

import { fieldErrorsOf } from "@/lib/errors";

/**
 * The state a form shows while it sends (field errors, a message, busy), and
 * `read`, which opens a submit: it reads the form's fields, checks them with
 * the schema and shows its field errors, answering null when they fail;
 * otherwise it clears the errors and message, marks the form busy and
 * answers the checked input.
 */
export function useFormSubmit() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  function read<S extends z.ZodType>(event: FormEvent<HTMLFormElement>, schema: S, fields: (form: FormData) => unknown): z.output<S> | null {
    event.preventDefault();
    const parsed = schema.safeParse(fields(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return null;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    return parsed.data;
  }

  return { router, errors, setErrors, message, setMessage, isBusy, setBusy, read };
}
