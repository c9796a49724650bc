import Link from "next/link";

import { getViewer } from "@/lib/server/auth/get-viewer";
import { findDebates } from "@/lib/server/debates/find-debates";

import { AccountMenu } from "@/components/auth/account-menu";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [debates, viewer] = await Promise.all([findDebates(), getViewer()]);
  return (
    <main className="home">
      <header className="home__header">
        <AccountMenu name={viewer?.name ?? null} />
        <h1>Argument maps</h1>
        <p>Contested articles mapped claim by claim: what each side argues, what supports it, what attacks it, and from which perspective each source comes.</p>
      </header>
      <h2>Debates</h2>
      {viewer && (
        <>
          <p>
            <Link href="/debates/new">New debate</Link>: paste an article and map its arguments.
          </p>
          <p>
            <Link href="/import">Import a debate</Link> from a JSON, AIF or Argdown file.
          </p>
        </>
      )}
      {debates.length === 0 ? (
        <p>No debates yet.</p>
      ) : (
        <ul className="debate-list">
          {debates.map((d) => (
            <li key={d.id}>
              <Link href={`/debates/${d.slug}`} className="debate-list__title">
                {d.title}
              </Link>
              {d.description && <p>{d.description}</p>}
              <p className="debate-list__meta">
                {d.nodeCount} statements · article: {d.articleTitle}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
