import { PageLoading } from "@/app/_states/page-loading";

export default function ManageLoading() {
  return <PageLoading what="Loading the debate's settings, teams and members…" />;
}
