import { describe, expect, it } from "vitest";

import { ZDebateSummary } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { testDatabase } from "@/test/database";

import { GET } from "./route";

const { debate: seedDebate, map } = readLachinSeed();
const prisma = testDatabase();

async function listDebates() {
  const response = await GET(new Request("http://localhost/api/debates"));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { debates: unknown[] };
  return body.debates.map((d) => ZDebateSummary.parse(d));
}

describe("GET /api/debates", () => {
  it("answers an empty list before anything is seeded", async () => {
    expect(await listDebates()).toEqual([]);
  });

  it("lists the Lachin debate with its number of nodes", async () => {
    expect(await seedLachin(prisma)).toBe(true);
    const debates = await listDebates();
    expect(debates).toHaveLength(1);
    expect(debates[0]).toMatchObject({
      slug: seedDebate.slug,
      title: seedDebate.title,
      description: seedDebate.description,
      articleTitle: seedDebate.article.title,
      nodeCount: map.nodes.length,
    });
    expect(map.nodes.length).toBe(49);
    expect(Number.isNaN(Date.parse(debates[0]!.createdAt))).toBe(false);
  });

  it("counts only approved nodes that are not deleted", async () => {
    const [deleted, pending] = await prisma.node.findMany({ where: { kind: { not: "thesis" } }, take: 2, orderBy: { text: "asc" } });
    await prisma.node.update({ where: { id: deleted!.id }, data: { deletedAt: new Date() } });
    await prisma.node.update({ where: { id: pending!.id }, data: { status: "pending" } });
    const [debate] = await listDebates();
    expect(debate!.nodeCount).toBe(map.nodes.length - 2);
  });

  it("leaves out deleted debates, and lists the newest first", async () => {
    const lachin = await prisma.debate.findUniqueOrThrow({ where: { slug: seedDebate.slug } });
    const later = new Date(lachin.createdAt.getTime() + 60_000);
    await prisma.debate.create({ data: { slug: "newer-debate", title: "Newer", articleId: lachin.articleId, createdAt: later } });
    await prisma.debate.create({ data: { slug: "gone-debate", title: "Gone", articleId: lachin.articleId, deletedAt: new Date() } });
    const debates = await listDebates();
    expect(debates.map((d) => d.slug)).toEqual(["newer-debate", seedDebate.slug]);
    expect(debates[0]!.nodeCount).toBe(0);
  });
});
