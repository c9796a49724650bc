import { notFound } from "next/navigation";

import { can } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { authorKey } from "@/lib/server/debates/author-key";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";
import { buildViewerMap, mapViewer } from "@/lib/server/debates/get-debate-map";

import { AccountMenu } from "@/components/auth/account-menu";

import { DebateWorkspace } from "@/components/debate/debate-workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

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

export async function generateMetadata({ params }: Props) {
  const { debate } = await orNotFound((await params).slug, (slug) => loadDebateAccess(slug, null));
  return { title: `${debate.title} · Argument maps` };
}

export default async function DebatePage({ params }: Props) {
  const viewer = await getViewer();
  const { doc, access } = await orNotFound((await params).slug, async (slug) => {
    const access = await loadDebateAccess(slug, viewer);
    return { doc: await buildViewerMap(access.debate, await mapViewer(access.debate, access.who)), access };
  });
  const oversees = can(access.who, "debate:oversee", access.state).allowed;
  // The map names authors by their key in this debate; the page knows the viewer by theirs.
  const self = viewer && access.who ? { ...viewer, userId: authorKey(access.debate.id, viewer.userId), role: access.who.role, teamId: access.teamId } : null;
  return (
    <main className="debate">
      <DebateWorkspace
        key={self?.userId ?? "anonymous"}
        initialDoc={doc}
        viewer={self}
        oversees={oversees}
        account={<AccountMenu name={viewer?.name ?? null} />}
      />
    </main>
  );
}
