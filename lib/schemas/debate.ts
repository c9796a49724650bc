import { z } from "zod";

import { ZPerspective } from "./domain";
import { optionalText } from "./source";
import { UNSAFE_TEXT_MESSAGE, ZHttpUrl, ZPublicationDate, boundedText, isCleanText } from "./text";

/** Long enough to hold an argument worth mapping, short enough to read beside its map. */
export const MIN_ARTICLE_LENGTH = 200;
export const MAX_ARTICLE_LENGTH = 100_000;

/**
 * Largest request body for a new debate: the article's characters take up to
 * 4 bytes in JSON (escaped quotes, non-Latin scripts), plus the other fields.
 */
export const MAX_NEW_DEBATE_BYTES = 4 * MAX_ARTICLE_LENGTH + 20_000;

export const MODERATION_MODES = ["open", "premoderated"] as const;

/**
 * The article text as it is stored and shown: line endings of any system as
 * "\n" and no blank edges. Anchors are offsets into exactly this string, so
 * the form counts characters of it too.
 */
export function normaliseArticleText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** An optional field with a format: blank is null, anything else must match. */
const optionalField = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => v || null)
    .pipe(schema.nullable());

export const ZArticleText = z
  .string({ error: "Paste the article's text." })
  .transform(normaliseArticleText)
  .pipe(
    z
      .string()
      .min(MIN_ARTICLE_LENGTH, `Paste the whole article: at least ${MIN_ARTICLE_LENGTH} characters.`)
      .max(MAX_ARTICLE_LENGTH, `An article has at most ${MAX_ARTICLE_LENGTH.toLocaleString("en")} characters.`)
      .refine(isCleanText, UNSAFE_TEXT_MESSAGE),
  );

export const ZNewArticle = z.object({
  title: boundedText(1, 300, { tooShort: "Enter the article's title.", tooLong: "A title has at most 300 characters." }, { singleLine: true }),
  author: optionalText(200, "An author", { singleLine: true }),
  publisher: optionalText(200, "A publisher", { singleLine: true }),
  publishedAt: optionalField(ZPublicationDate),
  url: optionalField(ZHttpUrl),
  /** Whose case the article argues (not who wrote it): the perspective its passages are cited with. */
  perspective: ZPerspective,
  text: ZArticleText,
});
export type TNewArticle = z.output<typeof ZNewArticle>;

export const ZCreateDebateRequest = z.object({
  title: boundedText(3, 200, { tooShort: "Name the debate (at least 3 characters).", tooLong: "A debate's title has at most 200 characters." }, { singleLine: true }),
  description: optionalText(1000, "A description"),
  moderationMode: z.enum(MODERATION_MODES, { error: "Choose whether contributions appear at once or wait for a moderator." }),
  article: ZNewArticle,
});
/** What the form sends. */
export type TCreateDebateRequest = z.input<typeof ZCreateDebateRequest>;
/** What the server works with, after parsing. */
export type TCreateDebateInput = z.output<typeof ZCreateDebateRequest>;

/** POST /api/debates: the new debate's address. */
export const ZCreatedDebate = z.object({ slug: z.string() });
export type TCreatedDebate = z.infer<typeof ZCreatedDebate>;
