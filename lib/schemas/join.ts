import { z } from "zod";

/** Letters and digits that cannot be mistaken for one another: no 0/O, no 1/I/L. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A join code as people type it: any case, with spaces or dashes between groups of letters. */
export const ZJoinCode = z
  .string({ error: "Enter the join code." })
  .max(40, "A join code has 8 letters and digits.")
  .transform((code) => code.replace(/[\s-]+/g, "").toUpperCase())
  .pipe(z.string().regex(JOIN_CODE_PATTERN, `A join code has ${JOIN_CODE_LENGTH} letters and digits, such as K7QM-W3XH.`));

export const ZJoinRequest = z.object({ code: ZJoinCode });
export type TJoinRequest = z.input<typeof ZJoinRequest>;

/** POST /api/join: the debate joined. */
export const ZJoinedDebate = z.object({ slug: z.string() });
export type TJoinedDebate = z.infer<typeof ZJoinedDebate>;

/** POST and DELETE …/join-code: the code that works now, null when joining by code is off. */
export const ZJoinCodeState = z.object({ joinCode: z.string().nullable() });
export type TJoinCodeState = z.infer<typeof ZJoinCodeState>;

/** A code shown in two groups of four, easier to read aloud and to copy by eye. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
