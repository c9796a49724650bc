import { PageLoading } from "@/app/_states/page-loading";

export default function DebateLoading() {
  return <PageLoading what="Loading the debate and its map…" />;
}
