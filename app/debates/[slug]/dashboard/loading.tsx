import { PageLoading } from "@/app/_states/page-loading";

export default function DashboardLoading() {
  return <PageLoading what="Loading the dashboard…" />;
}
