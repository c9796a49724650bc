import type { TPortableDebate } from "../portable";

type OutNode = { nodeID: string; text: string; type: "I" | "RA" | "CA" };
type OutEdge = { edgeID: string; fromID: string; toID: string };

/**
 * AIF JSON of the approved part of a debate: an I-node per statement, an
 * RA-node per support (one per linked group, with all its premises) and a
 * CA-node per attack. Ids are numbers in document order, so the same debate
 * always gives the same file.
 */
export function portableToAif(debate: TPortableDebate): string {
  const nodes: OutNode[] = [];
  const edges: OutEdge[] = [];
  const idOf = new Map<string, string>();
  for (const node of debate.nodes) {
    if (node.status !== "approved" || idOf.has(node.key)) continue;
    const nodeID = String(nodes.length + 1);
    idOf.set(node.key, nodeID);
    nodes.push({ nodeID, text: node.text, type: "I" });
  }

  // Supports sharing a group and a target become one RA; every other relation its own scheme node.
  const schemes = new Map<string, { type: "RA" | "CA"; premises: string[]; conclusion: string }>();
  for (const r of debate.relations) {
    const from = idOf.get(r.from);
    const to = idOf.get(r.to);
    if (r.status !== "approved" || from === undefined || to === undefined) continue;
    const id = r.type === "supports" && r.group ? `group\u0000${r.group}\u0000${to}` : `relation\u0000${r.key}`;
    const scheme = schemes.get(id) ?? { type: r.type === "supports" ? "RA" : "CA", premises: [], conclusion: to };
    if (!scheme.premises.includes(from)) scheme.premises.push(from);
    schemes.set(id, scheme);
  }
  for (const scheme of schemes.values()) {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text: scheme.type === "RA" ? "Default Inference" : "Default Conflict", type: scheme.type });
    for (const premise of scheme.premises) edges.push({ edgeID: String(edges.length + 1), fromID: premise, toID: nodeID });
    edges.push({ edgeID: String(edges.length + 1), fromID: nodeID, toID: scheme.conclusion });
  }
  return `${JSON.stringify({ nodes, edges, locutions: [] }, null, 2)}\n`;
}
