"use client";

import { useState } from "react";

import { ApiError } from "@/lib/client/api/api-error";
import { createNode } from "@/lib/client/api/nodes";
import { VALIDATION_MESSAGE, fieldErrorsOf } from "@/lib/errors";
import type { TCreatedNode } from "@/lib/schemas/map";
import { ZCreateNodeRequest, type TCreateNodeRequest } from "@/lib/schemas/node";

import { useMapActions } from "@/components/map-store/map-store-provider";

/**
 * Sending a new statement from a dialog: checked against the route's own
 * schema first, then posted; field errors and a message for the form either way.
 */
export function useCreateNode(slug: string, onCreated: (created: TCreatedNode) => void, failure: string) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { sending } = useMapActions();

  async function submit(body: TCreateNodeRequest) {
    const parsed = ZCreateNodeRequest.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      setMessage(VALIDATION_MESSAGE);
      return;
    }
    setBusy(true);
    try {
      onCreated(await sending(createNode(slug, body)));
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors : {});
      setMessage(error instanceof Error ? error.message : failure);
      setBusy(false);
    }
  }

  return { errors, message, isBusy, submit };
}
