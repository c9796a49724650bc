import Link from "next/link";

import { AppError } from "@/lib/errors";
import { ZJoinCode } from "@/lib/schemas/join";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { findDebateByJoinCode } from "@/lib/server/members/join-debate";
import { ROLE_LABEL } from "@/lib/labels";

import { AccountMenu } from "@/components/auth/account-menu";
import { JoinByLink } from "@/components/members/join-by-link";

export const metadata = { title: "Join a debate · Argument maps" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

async function debateFor(raw: string) {
  const code = ZJoinCode.safeParse(raw);
  if (!code.success) return null;
  try {
    return { code: code.data, debate: await findDebateByJoinCode(code.data) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** A join link: signed in, it joins and opens the debate; signed out, it asks to sign in or up and comes back here. */
export default async function JoinLinkPage({ params }: Props) {
  const [viewer, found] = await Promise.all([getViewer(), debateFor((await params).code)]);
  const here = found ? `/join/${found.code}` : "/join";
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer?.name ?? null} />
        <Link href="/">← All debates</Link>
      </header>
      <h1>Join a debate</h1>
      {!found ? (
        <>
          <p>No debate has this join code. Check it with the person who shared it; they may have made a new one.</p>
          <p>
            <Link href="/join">Enter a code</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            You are invited to <strong>{found.debate.title}</strong> as a {ROLE_LABEL[found.debate.joinRole].toLowerCase()}.
          </p>
          {viewer ? (
            <JoinByLink code={found.code} />
          ) : (
            <p>
              <Link href={`/signin?next=${encodeURIComponent(here)}`}>Sign in</Link> or <Link href={`/signup?next=${encodeURIComponent(here)}`}>sign up</Link> to join; you will come back here.
            </p>
          )}
        </>
      )}
    </main>
  );
}
