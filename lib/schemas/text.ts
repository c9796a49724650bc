import { z } from "zod";

/**
 * The one set of rules every text from outside passes (forms, API bodies,
 * imported files, seed data): what PostgreSQL can store and what an SVG (XML
 * 1.0) can carry. Control characters are refused, not stripped, so that what
 * the person sees in their form is what is stored.
 */

/** C0 controls but tab, line feed and carriage return; DEL and C1 controls; U+FFFE and U+FFFF, which XML does not allow. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const UNSAFE_TEXT_MESSAGE = "This text contains a character that cannot be stored (a control character, NUL or a broken character).";
const LINE_BREAK_MESSAGE = "This text must fit on one line (no line breaks or tabs).";

/** Text the database and every export can hold: no control character but tab and line breaks, no half of a surrogate pair. */
export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * The text with what XML 1.0 cannot carry removed (control characters, lone
 * surrogates): for exports of rows stored before these rules held.
 */
export function xmlSafeText(value: string): string {
  return value.replace(CONTROL_ALL, "").replace(LONE_SURROGATE_ALL, "\uFFFD");
}

/** Text of at most `max` characters that passes the shared checks, taken as it is (files, seed data). */
export function checkedText(min: number, max: number) {
  return z.string().min(min).max(max).refine(isCleanText, UNSAFE_TEXT_MESSAGE);
}

/** Trimmed text of a bounded length that passes the shared checks; a single-line field also refuses line breaks and tabs. */
export function boundedText(min: number, max: number, messages: { tooShort: string; tooLong: string }, options: { singleLine?: boolean } = {}) {
  const text = z.string().trim().min(min, messages.tooShort).max(max, messages.tooLong).refine(isCleanText, UNSAFE_TEXT_MESSAGE);
  return options.singleLine ? text.refine((value) => !LINE_BREAK_OR_TAB.test(value), LINE_BREAK_MESSAGE) : text;
}

/** Versions are PostgreSQL integers. */
export const ZVersion = z.number().int().min(1).max(2_147_483_647, "That version does not exist.");

/** Offsets and counts stored as PostgreSQL integers. */
export const ZStoredInt = z.number().int().min(0).max(2_147_483_647, "That number is too large.");

const HTTP_URL_MESSAGE = "Enter a full web address starting with http:// or https://.";

/** A web address: http or https only (never javascript:, data: or file:), with a host. */
export const ZHttpUrl = z
  .string()
  .trim()
  .max(2048, "A URL has at most 2048 characters.")
  .refine((value) => isCleanText(value) && !LINE_BREAK_OR_TAB.test(value), HTTP_URL_MESSAGE)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, HTTP_URL_MESSAGE);

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const inYearRange = (time: number) => {
  const year = new Date(time).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** A calendar date, YYYY-MM-DD, that exists, from the year 1000 on. */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "That date does not exist.")
  .refine((value) => Number(value.slice(0, 4)) >= MIN_YEAR, `Enter a year from ${MIN_YEAR} on.`);

/** A calendar date that is not in the future. */
export const ZPublicationDate = ZCalendarDate.refine((value) => new Date(`${value}T00:00:00Z`).getTime() <= Date.now(), "A publication date cannot be in the future.");

/** An ISO 8601 moment (as `toISOString` writes it, or with an offset) between the years 1000 and 9999. */
export const ZTimestamp = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const time = new Date(value).getTime();
    return !Number.isNaN(time) && inYearRange(time);
  }, "That moment does not exist or is out of range.");

/**
 * Why a JSON value cannot be stored, or null: nested deeper than `maxDepth`,
 * or a key or string failing the shared checks. Walks without recursion, so a
 * value nested thousands deep is refused rather than overflowing the stack.
 */
export function jsonProblem(value: unknown, maxDepth: number): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === "string") {
      if (!isCleanText(current)) return UNSAFE_TEXT_MESSAGE;
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return `It is nested more than ${maxDepth} levels deep.`;
    for (const [key, child] of Object.entries(current)) {
      if (!isCleanText(key)) return UNSAFE_TEXT_MESSAGE;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** A JSON value of at most `maxDepth` levels whose keys and strings pass the shared checks. */
export function checkedJson(maxDepth: number) {
  return z.unknown().superRefine((value, ctx) => {
    const problem = jsonProblem(value, maxDepth);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
