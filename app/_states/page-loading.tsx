/**
 * What a page shows while the server renders it: the same frame as the app's
 * other plain pages, and what is loading in words (a status, which screen
 * readers announce), with a moving bar for those who do not read it.
 */
export function PageLoading({ what }: { what: string }) {
  return (
    <main className="home" aria-busy="true">
      <p role="status">{what}</p>
      <progress aria-hidden="true" />
    </main>
  );
}
