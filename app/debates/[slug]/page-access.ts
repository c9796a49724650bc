import "server-only";

import type { ReactNode } from "react";
import { cache } from "react";

import { notFound } from "next/navigation";

import { signedInViewer } from "@/app/signed-in-page";
import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";

async function orNotFound<T>(param: string, load: (slug: string) => Promise<T>): Promise<T> {
  const slug = ZDebateSlug.safeParse(param);
  if (!slug.success) notFound();
  try {
    return await load(slug.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * The debate a page is about and the viewer's access to it, in one query per
 * request however many of the segment's layout, metadata and page ask; an
 * unknown debate is a 404.
 */
export const debatePageAccess = cache((param: string) =>
  orNotFound(param, async (slug) => {
    const viewer = await getViewer();
    return { viewer, access: await loadDebateAccess(slug, viewer) };
  }),
);

export type SignedInDebatePage = "manage" | "moderation" | "dashboard";

/** The same for a page only for signed-in people: a signed-out visitor is sent to sign in and come back. */
export const signedInDebateAccess = cache((param: string, page: SignedInDebatePage) =>
  orNotFound(param, async (slug) => {
    const viewer = await signedInViewer(`/debates/${slug}/${page}`);
    return { viewer, access: await loadDebateAccess(slug, viewer) };
  }),
);

type LayoutProps = { children: ReactNode; params: Promise<{ slug: string }> };

/**
 * The layout of a debate's page: it decides the 404 and the redirect to sign
 * in before the page's loading state streams (a loading boundary answers 200
 * at once, so a page deciding them itself would lose both statuses).
 */
export function debateLayout(page: SignedInDebatePage | "map") {
  return async function DebateLayout({ children, params }: LayoutProps) {
    const { slug } = await params;
    await (page === "map" ? debatePageAccess(slug) : signedInDebateAccess(slug, page));
    return children;
  };
}
