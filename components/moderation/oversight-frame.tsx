import type { ReactNode } from "react";

import Link from "next/link";

import { AccountMenu } from "@/components/auth/account-menu";

/** The frame of a debate's moderation and dashboard pages: the way back to its map, the heading, the account menu. */
export function OversightFrame({ slug, heading, viewerName, children }: { slug: string; heading: string; viewerName: string; children: ReactNode }) {
  return (
    <main className="oversight">
      <header className="debate__header">
        <Link href={`/debates/${slug}`}>← Back to the map</Link>
        <h1>{heading}</h1>
        <AccountMenu name={viewerName} />
      </header>
      <div className="oversight__body">{children}</div>
    </main>
  );
}
