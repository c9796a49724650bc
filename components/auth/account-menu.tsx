"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";

/** Who is signed in, with sign out; or the way to sign in. */
export function AccountMenu({ name }: { name: string | null }) {
  const pathname = usePathname();
  if (!name) {
    return (
      <nav className="account" aria-label="Account">
        <Link href={`/signin?next=${encodeURIComponent(pathname)}`}>Sign in</Link>
        <Link href={`/signup?next=${encodeURIComponent(pathname)}`}>Sign up</Link>
      </nav>
    );
  }
  return (
    <nav className="account" aria-label="Account">
      <span>
        Signed in as <strong>{name}</strong>
      </span>
      <button type="button" className="button" onClick={() => void signOut({ callbackUrl: pathname })}>
        Sign out
      </button>
    </nav>
  );
}
