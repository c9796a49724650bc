import "server-only";

import { can } from "@/lib/authz/can";

import { signedInDebateAccess } from "./page-access";

/**
 * Who opens a debate's moderation or dashboard page (the layout has already
 * sent signed-out visitors to sign in and answered an unknown debate with a
 * 404). `refusal` says why someone who is not an owner or moderator cannot
 * see the page, and `decisionRefusal` why they cannot decide now (a closed or
 * archived debate).
 */
export async function loadOversightPage(param: string, page: "moderation" | "dashboard") {
  const { viewer, access } = await signedInDebateAccess(param, page);
  const oversee = can(access.who, "debate:oversee", access.state);
  const moderate = can(access.who, "debate:moderate", access.state);
  return {
    viewer,
    access,
    refusal: oversee.allowed ? null : oversee.reason,
    decisionRefusal: moderate.allowed ? null : moderate.reason,
  };
}
