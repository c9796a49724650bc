import { PERSPECTIVES, type TPerspective } from "@/lib/schemas/domain";
import type { TMapNode } from "@/lib/schemas/map";

/** The perspectives of the sources a node cites, in a stable order. */
export function perspectivesOf(node: TMapNode, perspectiveBySource: Map<string, TPerspective>): TPerspective[] {
  const found = new Set(node.sourceIds.map((id) => perspectiveBySource.get(id)).filter((p) => p !== undefined));
  return PERSPECTIVES.filter((p) => found.has(p));
}
