import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL character, no half of a surrogate pair. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** Trimmed text of a bounded length that the database can hold. */
export function boundedText(min: number, max: number, messages: { tooShort: string; tooLong: string }) {
  return z
    .string()
    .trim()
    .min(min, messages.tooShort)
    .max(max, messages.tooLong)
    .refine(isStorableText, "This text contains characters that cannot be stored (a NUL or a broken character).");
}

/** Versions are PostgreSQL integers. */
export const ZVersion = z.number().int().min(1).max(2_147_483_647, "That version does not exist.");
