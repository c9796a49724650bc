"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function NewDebateError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="The form for a new debate could not be loaded" />;
}
