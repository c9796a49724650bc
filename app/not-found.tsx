import Link from "next/link";

// Next.js's built-in page writes an inline style element without the CSP nonce, which the policy blocks.
export default function NotFound() {
  return (
    <main className="home">
      <h1>Page not found</h1>
      <p>This page could not be found.</p>
      <Link href="/">See all debates</Link>
    </main>
  );
}
