"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function ImportError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="The import form could not be loaded" />;
}
