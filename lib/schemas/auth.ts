import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "An email address has at most 254 characters."));

export const ZSignUpRequest = z.object({
  name: z.string().trim().min(1, "Enter a display name.").max(80, "A display name has at most 80 characters.").describe("Display name"),
  email: ZEmail.describe("Email"),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "A password has at most 200 characters.").describe("Password"),
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;

export const ZSignInRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;
