import { z } from "zod";

import { AppError } from "@/lib/errors";
import { ZAuditQuery, type TAuditPage } from "@/lib/schemas/audit";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { listAudit } from "@/lib/server/audit/list-audit";
import { route } from "@/lib/server/http";

/** GET /api/debates/{slug}/audit?before=<entry id>&limit=N: the audit log, newest first; owner and moderators. */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ actor, params, request }): Promise<TAuditPage> => {
  const query = ZAuditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", query.error.issues.map((i) => i.message).join(" "));
  return listAudit({ actor, slug: params.slug, ...query.data });
});
