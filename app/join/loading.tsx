import { PageLoading } from "@/app/_states/page-loading";

export default function JoinLoading() {
  return <PageLoading what="Loading the invitation…" />;
}
