import Link from "next/link";

import { getDashboard } from "@/lib/server/moderation/get-dashboard";

import { AccessRefused } from "@/components/debate/access-refused";
import { OversightFrame } from "@/components/moderation/oversight-frame";
import { DashboardTables } from "@/components/moderation/dashboard-tables";

import { loadOversightPage } from "../oversight-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard · Argument maps" };

export default async function DashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadOversightPage((await params).slug, "dashboard");
  const { slug, title } = page.access.debate;
  if (page.refusal) return <AccessRefused slug={slug} reason={page.refusal} />;
  const dashboard = await getDashboard({ actor: page.viewer, slug });
  return (
    <OversightFrame slug={slug} heading={`Dashboard: ${title}`} viewerName={page.viewer.name}>
      <p className="oversight__intro">
        What members wrote in this debate, by team, perspective and person. Statements and links count alike; deleted ones and the mapped article do not.
      </p>
      <p className="oversight__actions">
        <a className="button" href={`/api/debates/${slug}/dashboard?format=csv`} download>
          Download CSV
        </a>
        <Link href={`/debates/${slug}/moderation`}>Moderation queue</Link>
      </p>
      <DashboardTables slug={slug} initial={dashboard} />
    </OversightFrame>
  );
}
