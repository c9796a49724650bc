import { readEnv } from "@/lib/env";

import type { RunningDatabase } from "./embedded-postgres";

/**
 * The database named by DATABASE_URL, or else an embedded one in DATA_DIR.
 * The embedded server's modules load only when it is needed: the export
 * command, given a URL, starts sooner without them.
 */
export async function openDatabase(): Promise<RunningDatabase & { embedded: boolean }> {
  const env = readEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {}, embedded: false };
  const { startEmbeddedPostgres } = await import("./embedded-postgres");
  const running = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT);
  return { ...running, embedded: true };
}
