import { ZModerationDecisionResult, ZModerationQueue, type TModerationDecisionRequest } from "@/lib/schemas/moderation";

import { request } from "./request";

/** GET …/moderation: the pending items, oldest first. */
export const getModerationQueue = (slug: string) => request("GET", `/api/debates/${slug}/moderation`, ZModerationQueue);

/** POST …/moderation/decisions: approve or reject items, all or none. */
export const decideItems = (slug: string, body: TModerationDecisionRequest) => request("POST", `/api/debates/${slug}/moderation/decisions`, ZModerationDecisionResult, body);
