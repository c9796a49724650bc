"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function ManageError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="This debate's settings could not be loaded" />;
}
