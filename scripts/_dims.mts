import { syntheticMap } from "@/lib/synthetic-map";
import { layoutMap } from "@/lib/graph/layout";
import { nodeBox } from "@/lib/graph/node-size";
for (const n of [200, 1000, 2000, 3000]) {
  const m = syntheticMap({ nodes: n });
  const nodes = m.nodes.map((x: any) => ({ id: x.key, ...nodeBox(x.text, x.attributedTo ?? null, true) }));
  const rels = m.relations.map((r: any) => ({ fromId: r.from, toId: r.to, type: r.type, groupId: r.group }));
  const t = performance.now();
  const l = layoutMap(nodes, rels);
  const ms = performance.now() - t;
  let maxX = 0, maxY = 0, minX = Infinity, minY = Infinity, area = 0;
  for (const nd of nodes) { const p = l.positions.get(nd.id)!; minX = Math.min(minX, p.x); minY = Math.min(minY, p.y); maxX = Math.max(maxX, p.x + nd.width); maxY = Math.max(maxY, p.y + nd.height); area += nd.width * nd.height; }
  const W = maxX - minX, H = maxY - minY;
  console.log(n, "layout", ms.toFixed(0), "ms", Math.round(W), "x", Math.round(H), "fill", (area / (W * H)).toFixed(3), "roots", m.nodes.length);
}
