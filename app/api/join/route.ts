import { ZJoinRequest, type TJoinedDebate } from "@/lib/schemas/join";
import { route } from "@/lib/server/http";
import { joinDebate } from "@/lib/server/members/join-debate";

/** POST /api/join {code}: become a member of the debate with this join code; answers its slug. */
export const POST = route({ body: ZJoinRequest }, async ({ actor, body }): Promise<TJoinedDebate> => joinDebate({ actor, code: body.code }));
