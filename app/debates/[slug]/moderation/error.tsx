"use client";

import { PageError, type ErrorBoundaryProps } from "@/app/_states/page-error";

export default function ModerationError(props: ErrorBoundaryProps) {
  return <PageError {...props} title="The moderation queue could not be loaded" />;
}
