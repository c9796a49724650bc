import "server-only";

import type { MemberRole, Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";

/** A member of the debate, read inside a write's transaction; 404 when the person is not one. */
export async function findMember(tx: Prisma.TransactionClient, debate: { id: string; ownerId: string | null }, userId: string) {
  const member = await tx.member.findUnique({
    where: { debateId_userId: { debateId: debate.id, userId } },
    select: { id: true, role: true, teamId: true, user: { select: { name: true } }, team: { select: { name: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", "That person is not a member of this debate.");
  const isOwner = member.role === "owner" || userId === debate.ownerId;
  return { id: member.id, role: (isOwner ? "owner" : member.role) as MemberRole, teamId: member.teamId, name: member.user.name, teamName: member.team?.name ?? null, isOwner };
}
