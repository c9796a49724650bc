import { describe, expect, it } from "vitest";

import type { TMapNode, TMapRelation } from "@/lib/schemas/map";

import { pendingItemCount } from "./pending-items";

const node = (id: string, status: TMapNode["status"]) => ({ id, status }) as TMapNode;
const relation = (id: string, fromId: string, status: TMapRelation["status"]) => ({ id, fromId, toId: "thesis", status }) as TMapRelation;

describe("pendingItemCount", () => {
  it("counts a pending statement and the link it came with as one item, and a pending link between approved statements as one", () => {
    const nodes = [node("thesis", "approved"), node("new", "pending"), node("old", "approved"), node("refused", "rejected")];
    const relations = [relation("r-new", "new", "pending"), relation("r-old", "old", "pending"), relation("r-refused", "refused", "rejected"), relation("r-ok", "old", "approved")];
    expect(pendingItemCount({ nodes, relations })).toBe(2);
  });

  it("is 0 on a map with nothing pending", () => {
    expect(pendingItemCount({ nodes: [node("thesis", "approved")], relations: [] })).toBe(0);
  });
});
