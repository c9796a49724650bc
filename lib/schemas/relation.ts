import { z } from "zod";

import { ZRelationType } from "./domain";

export const ZCreateRelationRequest = z.object({
  fromId: z.uuid("Pick the statement that gives the reason or objection."),
  toId: z.uuid("Pick the statement it bears on."),
  type: ZRelationType,
});
export type TCreateRelationRequest = z.infer<typeof ZCreateRelationRequest>;
