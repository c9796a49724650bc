import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { AppError } from "@/lib/errors";
import { ZSignInRequest } from "@/lib/schemas/auth";

import { signIn } from "./sign-in";

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null } | undefined;

function clientAddress(headers: Headers): string {
  const raw = headers && "get" in headers && typeof headers.get === "function" ? headers.get("x-forwarded-for") : (headers as Record<string, unknown> | undefined)?.["x-forwarded-for"];
  const first = (Array.isArray(raw) ? raw[0] : typeof raw === "string" ? raw : "")?.split(",")[0]?.trim();
  return first || "local";
}

/** Sessions are signed JWT cookies; accounts sign in with email and password. */
export const authOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInRequest.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and password.");
        try {
          return await signIn(parsed.data, clientAddress(request?.headers as Headers));
        } catch (error) {
          // next-auth hands this message to the sign-in form.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthOptions;
