import { ZCreatedRelation, type TCreateRelationRequest } from "@/lib/schemas/relation";

import { request } from "./request";

/** POST …/relations: links two statements already on the map. */
export const createRelation = (slug: string, body: TCreateRelationRequest) => request("POST", `/api/debates/${slug}/relations`, ZCreatedRelation, body);
