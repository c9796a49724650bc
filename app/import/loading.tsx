import { PageLoading } from "@/app/_states/page-loading";

export default function ImportLoading() {
  return <PageLoading what="Loading the import form…" />;
}
