import "server-only";

import { notFound, redirect } from "next/navigation";

import { can } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { getViewer } from "@/lib/server/auth/get-viewer";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";

/**
 * Who opens a debate's moderation or dashboard page: signed-out visitors are
 * sent to sign in and come back; an unknown debate is a 404. `refusal` says
 * why someone who is not an owner or moderator cannot see the page, and
 * `decisionRefusal` why they cannot decide now (a closed or archived debate).
 */
export async function loadOversightPage(param: string, page: "moderation" | "dashboard") {
  const slug = ZDebateSlug.safeParse(param);
  if (!slug.success) notFound();
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(`/debates/${slug.data}/${page}`)}`);
  let access;
  try {
    access = await loadDebateAccess(slug.data, viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const oversee = can(access.who, "debate:oversee", access.state);
  const moderate = can(access.who, "debate:moderate", access.state);
  return {
    viewer,
    access,
    refusal: oversee.allowed ? null : oversee.reason,
    decisionRefusal: moderate.allowed ? null : moderate.reason,
  };
}
