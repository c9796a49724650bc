import type { ReactNode } from "react";

import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@/lib/server/auth/get-viewer";

import { AccountMenu } from "@/components/auth/account-menu";

/** A page only for signed-in people (a form to start, import or join a debate); others are sent to sign in and back. */
export async function SignedInPage({ path, title, children }: { path: string; title: string; children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer.name} />
        <Link href="/">← All debates</Link>
      </header>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
