/** Adds the example debate to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { openDatabase } from "./lib/database";
import { seedIfEmpty } from "./lib/seed";

const database = await openDatabase();
try {
  await seedIfEmpty(database.url);
} finally {
  await database.stop();
}
