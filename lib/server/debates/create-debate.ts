import "server-only";

import type { TCreateDebateInput } from "@/lib/schemas/debate";
import type { Actor } from "@/lib/server/auth/get-actor";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { insertOwnedDebate } from "./insert-debate";

/**
 * A new debate on an article its creator pasted in, owned by them, with the
 * article as a source of its own so that every passage mapped from it cites it.
 */
export async function createDebate({ actor, input }: { actor: Actor; input: TCreateDebateInput }): Promise<{ slug: string }> {
  const { article } = input;
  const publishedAt = article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null;
  return db.$transaction(async (tx) => {
    const { debateId, articleId, slug } = await insertOwnedDebate(tx, {
      ownerId: actor.userId,
      debate: { title: input.title, description: input.description, moderationMode: input.moderationMode },
      article: { ...article, publishedAt },
    });
    const { title, author, publisher, url, perspective } = article;
    await tx.source.create({ data: { title, author, publisher, url, perspective, publishedAt, debateId, articleId, createdById: actor.userId } });
    await tx.auditEntry.create({ data: { debateId, actorId: actor.userId, action: "debate.created", detail: { moderationMode: input.moderationMode } } });
    await publishEvent(tx, { debateId, type: "debate.created", entityId: debateId, authorId: actor.userId });
    return { slug };
  });
}
