import { ZJoinCodeState, ZJoinedDebate, type TJoinRequest } from "@/lib/schemas/join";
import { ZRemovedMember, ZUpdatedMember, type TUpdateMemberRequest } from "@/lib/schemas/member";

import { request } from "./request";

/** POST /api/join: membership of the debate with this code. */
export const joinDebate = (body: TJoinRequest) => request("POST", "/api/join", ZJoinedDebate, body);

/** POST …/join-code: a new code; the previous one stops working. */
export const regenerateJoinCode = (slug: string) => request("POST", `/api/debates/${slug}/join-code`, ZJoinCodeState);

/** DELETE …/join-code: joining by code is off. */
export const disableJoinCode = (slug: string) => request("DELETE", `/api/debates/${slug}/join-code`, ZJoinCodeState);

/** PATCH …/members/{userId}: a member's role or team. */
export const updateMember = (slug: string, userId: string, body: TUpdateMemberRequest) => request("PATCH", `/api/debates/${slug}/members/${userId}`, ZUpdatedMember, body);

/** DELETE …/members/{userId}. */
export const removeMember = (slug: string, userId: string) => request("DELETE", `/api/debates/${slug}/members/${userId}`, ZRemovedMember);
