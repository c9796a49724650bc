import type { TCreatedNode, TMapDocument, TMapNode, TMapRelation } from "@/lib/schemas/map";

/** The map document after a node was added (relations and sources replaced by id, so repeats are harmless). */
export function withCreated(doc: TMapDocument, created: TCreatedNode): TMapDocument {
  const relationIds = new Set(created.relations.map((r) => r.id));
  const sourceIds = new Set(created.sources.map((s) => s.id));
  return {
    ...doc,
    nodes: [...doc.nodes.filter((n) => n.id !== created.node.id), created.node],
    relations: [...doc.relations.filter((r) => !relationIds.has(r.id)), ...created.relations],
    sources: [...doc.sources.filter((s) => !sourceIds.has(s.id)), ...created.sources],
  };
}

export function withNode(doc: TMapDocument, node: TMapNode): TMapDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === node.id ? node : n)) };
}

export function withRelation(doc: TMapDocument, relation: TMapRelation): TMapDocument {
  return { ...doc, relations: [...doc.relations.filter((r) => r.id !== relation.id), relation] };
}

/**
 * The map without a deleted node and the relations that went with it; a
 * source no remaining statement cites leaves it too (the article stays), as it
 * does from the map the server sends.
 */
export function withoutNode(doc: TMapDocument, nodeId: string): TMapDocument {
  const nodes = doc.nodes.filter((n) => n.id !== nodeId);
  const cited = new Set(nodes.flatMap((n) => n.sourceIds));
  return {
    ...doc,
    nodes,
    relations: doc.relations.filter((r) => r.fromId !== nodeId && r.toId !== nodeId),
    sources: doc.sources.filter((s) => s.isArticle || cited.has(s.id)),
  };
}
