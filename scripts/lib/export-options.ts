import { z } from "zod";

import { NO_FILTERS, type MapFilters } from "@/lib/graph/filter-map";
import { ZDebateSlug, ZNodeKind, ZPerspective } from "@/lib/schemas/domain";

const commaList = z.string().transform((value) => value.split(",").map((v) => v.trim()).filter(Boolean));

const ZOptions = z
  .object({
    debate: ZDebateSlug.optional(),
    all: z.boolean().default(false),
    node: z.uuid("--node takes a statement id (a UUID).").optional(),
    format: z.enum(["png", "svg"], { error: "--format is png or svg." }),
    out: z.string().min(1, "--out names the file (or, with --all, the folder) to write."),
    perspectives: commaList.pipe(z.array(ZPerspective).min(1)).optional(),
    kinds: commaList.pipe(z.array(ZNodeKind).min(1)).optional(),
  })
  .refine((o) => o.all !== Boolean(o.debate), "Give --debate <slug> or --all.")
  .refine((o) => !(o.all && o.node), "--node exports one debate's tree; it does not go with --all.");

export type ExportOptions = z.infer<typeof ZOptions> & { filters: MapFilters };

/** The export command's options, checked, with the filters they ask for; a clear message otherwise. */
export function readExportOptions(values: Record<string, unknown>): ExportOptions {
  const parsed = ZOptions.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const options = parsed.data;
  return { ...options, filters: { ...NO_FILTERS, perspectives: options.perspectives ?? NO_FILTERS.perspectives, kinds: options.kinds ?? NO_FILTERS.kinds } };
}
