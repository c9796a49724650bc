import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { AppError } from "@/lib/errors";
import { ZSignInRequest } from "@/lib/schemas/auth";
import { requestClientAddress } from "@/lib/server/client-address";

import { signIn } from "./sign-in";

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
          return await signIn(parsed.data, requestClientAddress(request?.headers as Record<string, string> | undefined));
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
