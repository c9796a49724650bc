import Link from "next/link";
import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { getDebateMap } from "@/lib/server/debates/get-debate-map";

import { AccountMenu } from "@/components/auth/account-menu";

import { DebateWorkspace } from "@/components/debate/debate-workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ debateId: string }> };

async function loadMap(debateId: string) {
  const slug = ZDebateSlug.safeParse(debateId);
  if (!slug.success) notFound();
  try {
    return await getDebateMap(slug.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const doc = await loadMap((await params).debateId);
  return { title: `${doc.debate.title} · Argument maps` };
}

export default async function DebatePage({ params }: Props) {
  const [doc, viewer] = await Promise.all([loadMap((await params).debateId), getViewer()]);
  return (
    <main className="debate">
      <header className="debate__header">
        <Link href="/">← All debates</Link>
        <h1>{doc.debate.title}</h1>
        <AccountMenu name={viewer?.name ?? null} />
      </header>
      <DebateWorkspace key={viewer?.userId ?? "anonymous"} initialDoc={doc} viewer={viewer} />
    </main>
  );
}
