import { readEnv } from "@/lib/env";

import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

/** The database named by DATABASE_URL, or else an embedded one in DATA_DIR. */
export async function openDatabase(): Promise<RunningDatabase & { embedded: boolean }> {
  const env = readEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {}, embedded: false };
  const running = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT);
  return { ...running, embedded: true };
}
