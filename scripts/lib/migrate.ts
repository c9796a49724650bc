import { run } from "./run";

/** Applies every pending migration in prisma/migrations; throws with Prisma's explanation if one fails. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  try {
    await run("node_modules/.bin/prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl }, true);
  } catch (error) {
    throw new Error(`The database migrations could not be applied, so the app will not start.\n${(error as Error).message}`);
  }
}
