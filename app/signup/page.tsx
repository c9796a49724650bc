import Link from "next/link";

import { safeNext } from "@/lib/safe-next";

import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata = { title: "Sign up · Argument maps" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  return (
    <main className="home auth">
      <h1>Sign up</h1>
      <p>An account lets you add arguments for or against any statement, each citing its sources.</p>
      <SignUpForm next={next} />
      <p>
        Already have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  );
}
