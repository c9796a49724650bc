import { z } from "zod";

import { boundedText } from "./text";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "An email address has at most 254 characters."));

export const ZSignUpRequest = z.object({
  name: boundedText(1, 80, { tooShort: "Enter a display name.", tooLong: "A display name has at most 80 characters." }, { singleLine: true }).describe("Display name"),
  email: ZEmail.describe("Email"),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "A password has at most 200 characters.").refine((p) => !p.includes("\u0000"), "A password cannot contain a NUL character.").describe("Password"),
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;

export const ZSignInRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

/** POST /api/users: the same answer whether or not the email already had an account. */
export const ZSignedUp = z.object({ user: z.object({ name: z.string(), email: z.string() }) });
export type TSignedUp = z.infer<typeof ZSignedUp>;
