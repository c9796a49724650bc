"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function RootError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="This page could not be loaded" />;
}
