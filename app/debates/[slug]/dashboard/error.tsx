"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function DashboardError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="The dashboard could not be loaded" />;
}
