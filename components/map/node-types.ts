import { GroupFrameNode } from "./group-frame-node";
import { RelationEdge } from "./relation-edge";
import { StatementNode } from "./statement-node";

// Module constants: React Flow re-mounts every node when these objects change.
export const nodeTypes = { statement: StatementNode, "group-frame": GroupFrameNode };
export const edgeTypes = { relation: RelationEdge };
