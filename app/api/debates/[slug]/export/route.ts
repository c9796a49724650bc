import { z } from "zod";

import { AppError } from "@/lib/errors";
import { FORMAT, FORMATS } from "@/lib/interop/formats";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { route } from "@/lib/server/http";
import { exportDebate } from "@/lib/server/interop/export-debate";

const ZQuery = z.object({ format: z.enum(FORMATS, { error: "Choose the format: json, aif or argdown." }) });

/** GET /api/debates/{slug}/export?format=json|aif|argdown: the debate as a file. */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ params, request, actor }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", query.error.issues[0]!.message);
  const format = FORMAT[query.data.format];
  const body = format.write(await exportDebate(params.slug, actor));
  return new Response(body, {
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${params.slug}.${format.extension}"`,
    },
  });
});
