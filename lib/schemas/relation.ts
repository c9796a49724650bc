import { z } from "zod";

import { ZRelationType } from "./domain";
import { ZMapRelation } from "./map";

export const ZCreateRelationRequest = z.object({
  fromId: z.uuid("Pick the statement that gives the reason or objection."),
  toId: z.uuid("Pick the statement it bears on."),
  type: ZRelationType,
});
export type TCreateRelationRequest = z.infer<typeof ZCreateRelationRequest>;

/** POST …/relations: the new link, pending or on the map. */
export const ZCreatedRelation = z.object({ relation: ZMapRelation });
export type TCreatedRelation = z.infer<typeof ZCreatedRelation>;
