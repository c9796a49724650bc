import { z } from "zod";

import { ZPerspective } from "./domain";

/** Import files are read whole; 5 MB holds debates of many thousand statements. */
export const MAX_IMPORT_BYTES = 5_000_000;

export const ZImportRequest = z.object({
  format: z.enum(["json", "aif", "argdown"], { error: "Choose the format: JSON, AIF or Argdown." }),
  fileName: z.string().trim().min(1, "Name the file.").max(300, "A file name has at most 300 characters."),
  content: z
    .string()
    .min(1, "The file is empty.")
    .refine((text) => new TextEncoder().encode(text).length <= MAX_IMPORT_BYTES, "The file is too large: at most 5 MB."),
  /** The perspective of the file itself, which statements without a source cite. */
  perspective: ZPerspective,
});
export type TImportRequest = z.infer<typeof ZImportRequest>;

/** What an import changed to fit the app, so the person can check the new debate. */
export const ZImportReport = z.object({
  format: ZImportRequest.shape.format,
  nodes: z.number(),
  relations: z.number(),
  /** e.g. { "L-node": 16, "YA-node": 14 }: what the format has and the app does not. */
  dropped: z.record(z.string(), z.number()),
  /** Sentences saying what was changed to fit, e.g. "3 statements without a source cite the imported file". */
  repairs: z.array(z.string()),
});

/** POST /api/debates/import: the new debate and the report. */
export const ZImportResult = z.object({ slug: z.string(), report: ZImportReport });
export type TImportResult = z.infer<typeof ZImportResult>;
