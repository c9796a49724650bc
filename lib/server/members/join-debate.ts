import "server-only";

import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { publishEvent } from "@/lib/server/events/publish-event";

const NO_SUCH_CODE = "No debate has this join code. Check it with the person who shared it; they may have made a new one.";

/** The debate a join code opens, or a 404 (unknown and disabled codes alike). */
export async function findDebateByJoinCode(code: string) {
  const debate = await db.debate.findFirst({ where: { joinCode: code, deletedAt: null }, select: { id: true, slug: true, title: true, phase: true, ownerId: true, joinRole: true } });
  if (!debate) throw new AppError("NOT_FOUND", NO_SUCH_CODE);
  return debate;
}

/**
 * Makes the signed-in person a member of the debate whose join code they
 * have, with the role the owner chose for joiners. Joining again changes
 * nothing: an existing member keeps their role, higher or lower.
 */
export async function joinDebate({ actor, code }: { actor: Actor; code: string }): Promise<{ slug: string }> {
  const debate = await findDebateByJoinCode(code);
  if (debate.phase === "archived") throw new AppError("FORBIDDEN", "This debate is archived and takes no new members. You can still read it.");
  if (debate.ownerId === actor.userId) return { slug: debate.slug };
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.member.findUnique({ where: { debateId_userId: { debateId: debate.id, userId: actor.userId } }, select: { id: true } });
      if (existing) return;
      const member = await tx.member.create({ data: { debateId: debate.id, userId: actor.userId, role: debate.joinRole }, select: { id: true } });
      await recordAudit(tx, { debateId: debate.id, actorId: actor.userId, action: "member.joined", detail: { userId: actor.userId, name: actor.name, role: debate.joinRole } });
      await publishEvent(tx, { debateId: debate.id, type: "member.joined", entityId: member.id });
    });
  } catch (error) {
    // The same person joining twice at once: the other request made them a member.
    if (!isUniqueViolation(error)) throw error;
  }
  return { slug: debate.slug };
}
