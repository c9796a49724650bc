import "server-only";

import { readEnv } from "@/lib/env";
import { db } from "@/lib/server/db";

/** Whether this account is one of the site administrators named by ADMIN_EMAILS (who run the debates without an owner). */
export async function isSiteAdmin(userId: string): Promise<boolean> {
  const admins = readEnv().ADMIN_EMAILS;
  if (admins.length === 0) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user !== null && admins.includes(user.email);
}
