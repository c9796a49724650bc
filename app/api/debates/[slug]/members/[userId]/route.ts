import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZUpdateMemberRequest, type TRemovedMember, type TUpdatedMember } from "@/lib/schemas/member";
import { route } from "@/lib/server/http";
import { removeMember } from "@/lib/server/members/remove-member";
import { updateMember } from "@/lib/server/members/update-member";

const ZParams = z.object({ slug: ZDebateSlug, userId: z.uuid("A member is named by their user id, a UUID.") });

/** PATCH /api/debates/{slug}/members/{userId} {role?, teamId?}: owner only. */
export const PATCH = route({ params: ZParams, body: ZUpdateMemberRequest }, async ({ actor, params, body }): Promise<TUpdatedMember> =>
  updateMember({ actor, slug: params.slug, userId: params.userId, input: body }),
);

/** DELETE /api/debates/{slug}/members/{userId}: takes them out of the debate; what they wrote stays. Owner only. */
export const DELETE = route({ params: ZParams }, async ({ actor, params }): Promise<TRemovedMember> => removeMember({ actor, slug: params.slug, userId: params.userId }));
