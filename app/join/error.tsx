"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function JoinError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="The invitation could not be loaded" />;
}
