import "server-only";

import { randomInt } from "node:crypto";

import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/schemas/join";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { publishEvent } from "@/lib/server/events/publish-event";

import { assertCan, loadDebateAccess } from "./debate-access";

/** Tries before giving up on a fresh code; with 31^8 codes a second try is already rare. */
const ATTEMPTS = 5;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * Gives the debate a new join code; the old one stops working at once. A code
 * another debate already has fails the transaction on the unique index, so
 * the whole transaction is tried again with another code.
 */
export async function regenerateJoinCode({ actor, slug, makeCode = newJoinCode }: { actor: Actor; slug: string; makeCode?: () => string }): Promise<{ joinCode: string }> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  for (let attempt = 1; ; attempt++) {
    const joinCode = makeCode();
    try {
      return await db.$transaction(async (tx) => {
        const debate = await tx.debate.update({ where: { id: debateId }, data: { joinCode }, select: { joinRole: true } });
        await recordAudit(tx, { debateId, actorId: actor.userId, action: "join-code.regenerated", detail: { joinRole: debate.joinRole } });
        await publishEvent(tx, { debateId, type: "debate.updated", entityId: debateId });
        return { joinCode };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Turns the join code off: the link and the code stop working until a new one is made. */
export async function disableJoinCode({ actor, slug }: { actor: Actor; slug: string }): Promise<{ joinCode: null }> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  return db.$transaction(async (tx) => {
    const { count } = await tx.debate.updateMany({ where: { id: debateId, joinCode: { not: null } }, data: { joinCode: null } });
    // Disabling twice records nothing the second time.
    if (count > 0) {
      await recordAudit(tx, { debateId, actorId: actor.userId, action: "join-code.disabled" });
      await publishEvent(tx, { debateId, type: "debate.updated", entityId: debateId });
    }
    return { joinCode: null };
  });
}
