import { PageLoading } from "@/app/_states/page-loading";

export default function JoinFormLoading() {
  return <PageLoading what="Loading the form to join a debate…" />;
}
