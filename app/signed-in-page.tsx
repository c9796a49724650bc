import type { ReactNode } from "react";
import { cache } from "react";

import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@/lib/server/auth/get-viewer";

import { AccountMenu } from "@/components/auth/account-menu";

/**
 * The viewer of a page only for signed-in people, read once per request (the
 * page's layout and the page share it); others are sent to sign in and come
 * back to `path`.
 */
export const signedInViewer = cache(async (path: string) => {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return viewer;
});

/**
 * The layout of such a page at `path`. It sends a signed-out visitor away
 * before the page's loading state streams: a loading boundary answers 200 at
 * once, so a redirect from the page itself would no longer be a 307.
 */
export function signedInLayout(path: string) {
  return async function SignedInLayout({ children }: { children: ReactNode }) {
    await signedInViewer(path);
    return children;
  };
}

/** A page only for signed-in people (a form to start, import or join a debate), framed as the app's other plain pages. */
export async function SignedInPage({ path, title, children }: { path: string; title: string; children: ReactNode }) {
  const viewer = await signedInViewer(path);
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
