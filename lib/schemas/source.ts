import { z } from "zod";

import { ZPerspective } from "./domain";
import { ZHttpUrl, ZPublicationDate, boundedText } from "./text";

export const optionalText = (max: number, label: string, options: { singleLine?: boolean } = {}) =>
  boundedText(0, max, { tooShort: "", tooLong: `${label} has at most ${max} characters.` }, options)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A new source, cited for the first time in this debate. */
export const ZNewSource = z.object({
  title: boundedText(1, 300, { tooShort: "Enter the source's title.", tooLong: "A title has at most 300 characters." }, { singleLine: true }),
  author: optionalText(200, "An author", { singleLine: true }),
  publisher: optionalText(200, "A publisher", { singleLine: true }),
  url: ZHttpUrl,
  publishedAt: z
    .union([z.literal(""), ZPublicationDate])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  quote: optionalText(2000, "A quoted passage"),
  perspective: ZPerspective.describe("Perspective of the source"),
});
export type TNewSource = z.infer<typeof ZNewSource>;

/** A source already cited in the debate, picked again. */
export const ZExistingSource = z.object({ sourceId: z.uuid("Pick a source from the list.") });

/**
 * Either kind of citation, told apart by `sourceId`, so that a bad field is
 * reported on that field (a plain union would only say "no option matched").
 */
export const ZSourceCitation = z.unknown().transform((value, ctx): z.infer<typeof ZExistingSource> | TNewSource => {
  const isExisting = typeof value === "object" && value !== null && "sourceId" in value;
  const parsed = isExisting ? ZExistingSource.safeParse(value) : ZNewSource.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});
export type TSourceCitation = z.output<typeof ZSourceCitation>;

export const MAX_SOURCES = 5;
