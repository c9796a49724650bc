/** Applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";

const database = await openDatabase();
try {
  await applyMigrations(database.url);
  console.log("Migrations applied.");
} finally {
  await database.stop();
}
