import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@/lib/server/auth/get-viewer";

import { AccountMenu } from "@/components/auth/account-menu";
import { ImportForm } from "@/components/debate/import-form";

export const metadata = { title: "Import a debate · Argument maps" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?next=/import");
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer.name} />
        <Link href="/">← All debates</Link>
      </header>
      <h1>Import a debate</h1>
      <p>A debate exported from this app (JSON), an AIF file from AIFdb or OVA, or an Argdown file becomes a new debate that you own.</p>
      <ImportForm />
    </main>
  );
}
