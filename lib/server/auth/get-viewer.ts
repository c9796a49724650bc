import "server-only";

import { getServerSession } from "next-auth";

import { authOptions } from "./options";

/** The signed-in person viewing a page (Server Components), or null. */
export async function getViewer(): Promise<{ userId: string; name: string } | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  return user?.id && user.name ? { userId: user.id, name: user.name } : null;
}
