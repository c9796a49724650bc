"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function DebateError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="This debate could not be loaded" />;
}
