import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { getManageView } from "@/lib/server/debates/manage-view";

import { AccountMenu } from "@/components/auth/account-menu";
import { ManageDebate } from "@/components/manage/manage-debate";

export const dynamic = "force-dynamic";
export const metadata = { title: "Manage a debate · Argument maps" };

type Props = { params: Promise<{ slug: string }> };

export default async function ManagePage({ params }: Props) {
  const slug = ZDebateSlug.safeParse((await params).slug);
  if (!slug.success) notFound();
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(`/debates/${slug.data}/manage`)}`);
  let result: Awaited<ReturnType<typeof getManageView>>;
  try {
    result = await getManageView(slug.data, viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  return (
    <main className="home manage">
      <header className="home__header manage__header">
        <AccountMenu name={viewer.name} />
        <Link href={`/debates/${slug.data}`}>← Back to the debate</Link>
      </header>
      {"refusal" in result ? (
        <section aria-labelledby="refused-title">
          <h1 id="refused-title">You cannot manage this debate</h1>
          <p>{result.refusal}</p>
          <p>Error 403: only the owner and moderators of a debate see this page.</p>
        </section>
      ) : (
        <ManageDebate view={result.view} />
      )}
    </main>
  );
}
