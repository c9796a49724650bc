"use client";

import { useState } from "react";

import { useRouter } from "next/navigation";

import { ApiError } from "@/lib/client/api/api-error";

/**
 * Runs one change on the management page: while it runs the controls are
 * busy; afterwards the page's data is read again from the server, and the
 * outcome is said in words (the server's own on a refusal).
 */
export function useManageAction() {
  const router = useRouter();
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function run(change: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      await change();
      setMessage(done);
      router.refresh();
      return true;
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "That did not work. Please try again.");
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, isBusy, message, setMessage, fieldErrors };
}
