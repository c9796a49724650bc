import Link from "next/link";

import { getManageView } from "@/lib/server/debates/manage-view";

import { AccountMenu } from "@/components/auth/account-menu";
import { ManageDebate } from "@/components/manage/manage-debate";

import { signedInDebateAccess } from "../page-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Manage a debate · Argument maps" };

type Props = { params: Promise<{ slug: string }> };

export default async function ManagePage({ params }: Props) {
  const { viewer, access } = await signedInDebateAccess((await params).slug, "manage");
  const { slug } = access.debate;
  const result = await getManageView(access, viewer);

  return (
    <main className="home manage">
      <header className="home__header manage__header">
        <AccountMenu name={viewer.name} />
        <Link href={`/debates/${slug}`}>← Back to the debate</Link>
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
