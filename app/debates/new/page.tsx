import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@/lib/server/auth/get-viewer";

import { AccountMenu } from "@/components/auth/account-menu";
import { NewDebateForm } from "@/components/debate/new-debate-form";

export const metadata = { title: "New debate · Argument maps" };
export const dynamic = "force-dynamic";

export default async function NewDebatePage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?next=/debates/new");
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer.name} />
        <Link href="/">← All debates</Link>
      </header>
      <h1>New debate</h1>
      <p>
        Paste the article a debate is about. You will own the debate: on its page you select passages of the article and map them as its thesis, claims,
        premises and rebuttals, and others add their arguments.
      </p>
      <NewDebateForm />
    </main>
  );
}
