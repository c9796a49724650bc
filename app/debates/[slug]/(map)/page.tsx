import { can } from "@/lib/authz/can";
import { authorKey } from "@/lib/server/debates/author-key";
import { buildViewerMap, mapViewer } from "@/lib/server/debates/get-debate-map";

import { AccountMenu } from "@/components/auth/account-menu";

import { DebateWorkspace } from "@/components/debate/debate-workspace";

import { debatePageAccess } from "../page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const { access } = await debatePageAccess((await params).slug);
  return { title: `${access.debate.title} · Argument maps` };
}

/** The map, the slow part of the page: the layout has read the debate and the viewer's access already. */
export default async function DebatePage({ params }: Props) {
  const { viewer, access } = await debatePageAccess((await params).slug);
  const doc = await buildViewerMap(access.debate, await mapViewer(access.debate, access.who));
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
