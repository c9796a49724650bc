import Link from "next/link";

/** The page someone sees when the rule table refuses them a debate's page, with the reason it gives. */
export function AccessRefused({ slug, reason }: { slug: string; reason: string }) {
  return (
    <main className="home">
      <h1>This page is not open to you</h1>
      <p>{reason}</p>
      <Link href={`/debates/${slug}`}>Back to the debate&apos;s map</Link>
    </main>
  );
}
