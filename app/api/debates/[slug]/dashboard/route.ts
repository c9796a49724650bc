import { z } from "zod";

import { AppError } from "@/lib/errors";
import { dashboardCsv } from "@/lib/moderation/dashboard-csv";
import type { TDashboard } from "@/lib/schemas/dashboard";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { route } from "@/lib/server/http";
import { getDashboard } from "@/lib/server/moderation/get-dashboard";

const ZQuery = z.object({ format: z.enum(["json", "csv"], { error: "Choose the format: json or csv." }).default("json") });

/** GET /api/debates/{slug}/dashboard[?format=csv]: contributions by team, perspective and person (owner and moderators). */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ actor, params, request }): Promise<TDashboard | Response> => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", query.error.issues[0]!.message);
  const dashboard = await getDashboard({ actor, slug: params.slug });
  if (query.data.format === "json") return dashboard;
  return new Response(dashboardCsv(dashboard), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${params.slug}-dashboard.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
