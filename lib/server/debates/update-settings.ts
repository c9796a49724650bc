import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TDebateSettings, TDebateSettingsRequest } from "@/lib/schemas/debate-settings";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { assertCan, loadDebateAccess } from "./debate-access";

const SETTINGS = { moderationMode: true, anonymous: true, phase: true, joinRole: true, joinCode: true } as const;

type Change<T> = { from: T; to: T };

/**
 * Changes the moderation mode, anonymity, phase or joiners' role. The phase
 * gets an audit entry of its own (it decides who may still write); the others
 * share one. A setting sent with the value it already has records nothing.
 */
export async function updateDebateSettings({ actor, slug, input }: { actor: Actor; slug: string; input: TDebateSettingsRequest }): Promise<TDebateSettings> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  if (!access.state.hasOwner && input.moderationMode === "open") {
    const reason = "A debate without an owner is always pre-moderated: anyone can write on it.";
    throw new AppError("VALIDATION", reason, { moderationMode: [reason] });
  }
  const debateId = access.debate.id;
  const actorId = actor.userId;
  return db.$transaction(async (tx) => {
    const current = await tx.debate.findUniqueOrThrow({ where: { id: debateId }, select: SETTINGS });
    const changes: Record<string, Change<unknown>> = {};
    for (const key of ["moderationMode", "anonymous", "joinRole"] as const) {
      if (input[key] !== undefined && input[key] !== current[key]) changes[key] = { from: current[key], to: input[key] };
    }
    const phaseChanged = input.phase !== undefined && input.phase !== current.phase;
    if (Object.keys(changes).length === 0 && !phaseChanged) return current;

    const updated = await tx.debate.update({ where: { id: debateId }, data: input, select: SETTINGS });
    if (Object.keys(changes).length > 0) await recordAudit(tx, { debateId, actorId, action: "debate.settings-changed", detail: changes as Prisma.InputJsonObject });
    if (phaseChanged) await recordAudit(tx, { debateId, actorId, action: "debate.phase-changed", detail: { from: current.phase, to: updated.phase } });
    await publishEvent(tx, { debateId, type: "debate.updated", entityId: debateId });
    return updated;
  });
}
