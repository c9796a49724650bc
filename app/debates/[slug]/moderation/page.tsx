import Link from "next/link";

import { listModerationQueue } from "@/lib/server/moderation/list-queue";

import { AccessRefused } from "@/components/debate/access-refused";
import { OversightFrame } from "@/components/moderation/oversight-frame";
import { ModerationQueue } from "@/components/moderation/moderation-queue";

import { loadOversightPage } from "../oversight-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Moderation · Argument maps" };

export default async function ModerationPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadOversightPage((await params).slug, "moderation");
  const { slug, title, moderationMode } = page.access.debate;
  if (page.refusal) return <AccessRefused slug={slug} reason={page.refusal} />;
  const queue = await listModerationQueue({ actor: page.viewer, slug });
  return (
    <OversightFrame slug={slug} heading={`Moderation: ${title}`} viewerName={page.viewer.name}>
      <p className="oversight__intro">
        {moderationMode === "premoderated"
          ? "Statements and links from participants wait here, seen only by their authors and the moderators, until a moderator approves them."
          : "This debate is open: contributions appear on the map at once, so only items added while it was pre-moderated wait here."}
      </p>
      <p className="oversight__actions">
        <Link href={`/debates/${slug}/dashboard`}>Dashboard</Link>
      </p>
      {page.decisionRefusal && (
        <p className="oversight__notice" role="note">
          {page.decisionRefusal}
        </p>
      )}
      <ModerationQueue slug={slug} initialItems={queue.items} canDecide={page.decisionRefusal === null} />
    </OversightFrame>
  );
}
