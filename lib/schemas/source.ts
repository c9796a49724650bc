import { z } from "zod";

import { ZPerspective } from "./domain";
import { boundedText, isStorableText } from "./text";

export const optionalText = (max: number, label: string) =>
  boundedText(0, max, { tooShort: "", tooLong: `${label} has at most ${max} characters.` })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const ZHttpUrl = z
  .string()
  .trim()
  .max(2048, "A URL has at most 2048 characters.")
  .refine(isStorableText, "Enter a full web address starting with http:// or https://.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://.");

/** A calendar date, YYYY-MM-DD, that exists and is not in the future. */
export const ZPublicationDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "That date does not exist.")
  .refine((value) => Number(value.slice(0, 4)) >= 1000, "Enter a year from 1000 on.")
  .refine((value) => new Date(`${value}T00:00:00Z`).getTime() <= Date.now(), "A publication date cannot be in the future.");

/** A new source, cited for the first time in this debate. */
export const ZNewSource = z.object({
  title: boundedText(1, 300, { tooShort: "Enter the source's title.", tooLong: "A title has at most 300 characters." }),
  author: optionalText(200, "An author"),
  publisher: optionalText(200, "A publisher"),
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
