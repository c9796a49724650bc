import { PageLoading } from "@/app/_states/page-loading";

export default function ModerationLoading() {
  return <PageLoading what="Loading the moderation queue…" />;
}
