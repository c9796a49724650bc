import Link from "next/link";

export default function DebateNotFound() {
  return (
    <main className="home">
      <h1>No such debate</h1>
      <p>The debate you asked for does not exist or was removed.</p>
      <Link href="/">See all debates</Link>
    </main>
  );
}
