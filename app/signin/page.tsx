import Link from "next/link";

import { safeNext } from "@/lib/safe-next";

import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · Argument maps" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  return (
    <main className="home auth">
      <h1>Sign in</h1>
      <p>Sign in to add arguments to a map. Reading needs no account.</p>
      <SignInForm next={next} />
      <p>
        No account yet? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Sign up</Link>
      </p>
    </main>
  );
}
