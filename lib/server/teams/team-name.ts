import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/server/db-errors";

/** What a team is, as the map and the management page show it. */
export const TEAM_COLUMNS = { id: true, name: true, colour: true, perspective: true } as const;

const nameTaken = (name: string) => new AppError("VALIDATION", `This debate already has a team called "${name}".`, { name: ["Choose a name no other team of this debate has."] });

/** Refuses a name another team of the debate has, whatever its case ("team a" and "Team A" would read as one). */
export async function assertTeamNameFree(tx: Prisma.TransactionClient, debateId: string, name: string, exceptTeamId?: string): Promise<void> {
  const clash = await tx.team.findFirst({ where: { debateId, name: { equals: name, mode: "insensitive" }, ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}) }, select: { name: true } });
  if (clash) throw nameTaken(clash.name);
}

/** Runs a team write; two requests racing for one name meet the unique index, and the loser gets the same answer as a clash seen beforehand. */
export async function withTeamName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** A team of the debate, or 404. */
export async function findTeam(tx: Prisma.TransactionClient, debateId: string, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, debateId }, select: TEAM_COLUMNS });
  if (!team) throw new AppError("NOT_FOUND", "That team is not in this debate.");
  return team;
}
