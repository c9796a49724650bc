import { MAX_NEW_DEBATE_BYTES, ZCreateDebateRequest, type TCreatedDebate } from "@/lib/schemas/debate";
import { createDebate } from "@/lib/server/debates/create-debate";
import { findDebates } from "@/lib/server/debates/find-debates";
import { route } from "@/lib/server/http";

/** GET /api/debates: the debates anyone may read. */
export const GET = route({ isPublic: true }, async () => ({ debates: await findDebates() }));

/** POST /api/debates: a new debate on a pasted article, owned by its creator; answers its slug. */
export const POST = route({ body: ZCreateDebateRequest, status: 201, maxBodyBytes: MAX_NEW_DEBATE_BYTES }, async ({ actor, body }): Promise<TCreatedDebate> => createDebate({ actor, input: body }));
