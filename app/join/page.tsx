import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@/lib/server/auth/get-viewer";

import { AccountMenu } from "@/components/auth/account-menu";
import { JoinForm } from "@/components/members/join-form";

export const metadata = { title: "Join a debate · Argument maps" };
export const dynamic = "force-dynamic";

export default async function JoinPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?next=/join");
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer.name} />
        <Link href="/">← All debates</Link>
      </header>
      <h1>Join a debate</h1>
      <p>Enter the code the debate&apos;s owner gave you. Capitals, spaces and the dash do not matter.</p>
      <JoinForm />
    </main>
  );
}
