import { ZCreatedNode, ZMapNode } from "@/lib/schemas/map";
import { ZDeletedNode, type TCreateNodeRequest, type TUpdateNodeRequest } from "@/lib/schemas/node";
import { ZRedactedRevision, ZRevisionList, type TRedactRevisionRequest } from "@/lib/schemas/revision";

import { request } from "./request";

const nodesOf = (slug: string) => `/api/debates/${slug}/nodes`;

/** POST …/nodes: a sourced statement for or against a node, or a mapped passage. */
export const createNode = (slug: string, body: TCreateNodeRequest) => request("POST", nodesOf(slug), ZCreatedNode, body);

/** PATCH …/nodes/{nodeId}: new text, from the version the edit started from. */
export const updateNode = (slug: string, nodeId: string, body: TUpdateNodeRequest) => request("PATCH", `${nodesOf(slug)}/${nodeId}`, ZMapNode, body);

/** DELETE …/nodes/{nodeId}?version=N: the node and its relations leave the map. */
export const deleteNode = (slug: string, nodeId: string, version: number) => request("DELETE", `${nodesOf(slug)}/${nodeId}?version=${version}`, ZDeletedNode);

/** GET …/nodes/{nodeId}/revisions: the node's history, newest first. */
export const listRevisions = (slug: string, nodeId: string) => request("GET", `${nodesOf(slug)}/${nodeId}/revisions`, ZRevisionList);

/** POST …/nodes/{nodeId}/revisions/{revisionId}/redact. */
export const redactRevision = (slug: string, nodeId: string, revisionId: string, body: TRedactRevisionRequest) =>
  request("POST", `${nodesOf(slug)}/${nodeId}/revisions/${revisionId}/redact`, ZRedactedRevision, body);
