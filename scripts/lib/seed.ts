import { seedLachin } from "@/prisma/seed/seed-lachin";

import { connect } from "./prisma-client";

/** First run: adds the Lachin example debate when the database does not have it yet. */
export async function seedIfEmpty(url: string): Promise<void> {
  const db = connect(url);
  try {
    if (await seedLachin(db)) console.log("Seeded the example debate on the Lachin crisis.");
  } finally {
    await db.$disconnect();
  }
}
