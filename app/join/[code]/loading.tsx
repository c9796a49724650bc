import { PageLoading } from "@/app/_states/page-loading";

export default function JoinLinkLoading() {
  return <PageLoading what="Loading the invitation…" />;
}
