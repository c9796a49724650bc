import { PageLoading } from "@/app/_states/page-loading";

export default function NewDebateLoading() {
  return <PageLoading what="Loading the form for a new debate…" />;
}
