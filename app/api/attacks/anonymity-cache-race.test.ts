// Attack on anonymity through the map cache: the owner switches anonymity on
// while a reader's map request is between its reads of the database. The
// map built for that request must never be cached under the new revision
// with the authors' real names.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, expect, it } from "vitest";

import { ZMapDocument } from "@/lib/schemas/map";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";

import { GET as GET_MAP } from "../debates/[slug]/route";
import { POST as POST_NODE } from "../debates/[slug]/nodes/route";
import { PATCH as PATCH_SETTINGS } from "../debates/[slug]/settings/route";

let prisma: PrismaClient;
let debate: OwnedDebate;

const readMap = () => callRoute(GET_MAP, { method: "GET", path: `/api/debates/${debate.slug}`, params: { slug: debate.slug } });

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "anonymity-cache-race");
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** The app's own client (lib/server/db keeps it on globalThis), whose raw queries the map request makes. */
function appClient(): PrismaClient {
  const client = (globalThis as unknown as { prisma?: PrismaClient }).prisma;
  if (!client) throw new Error("The app's database client has not been made yet.");
  return client;
}

it("switching anonymity on between a map request's reads never caches real names under the new revision", async () => {
  const created = await callRoute(POST_NODE, {
    method: "POST",
    path: `/api/debates/${debate.slug}/nodes`,
    params: { slug: debate.slug },
    cookie: debate.people.participant.cookie,
    body: { kind: "premise", text: "A premise by the participant.", link: { type: "supports", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] },
  });
  expect(created.status).toBe(201);
  const realName = debate.people.participant.name;
  expect(await (await readMap()).text()).toContain(realName);

  // The owner's change commits just before the request's second raw query,
  // whichever of its reads (the debate row, the revision) comes second.
  const client = appClient();
  const queryRaw = client.$queryRaw.bind(client);
  let calls = 0;
  let switched: Response | undefined;
  client.$queryRaw = (async (...args: Parameters<PrismaClient["$queryRaw"]>) => {
    if (++calls === 2) {
      switched = await callRoute(PATCH_SETTINGS, { method: "PATCH", path: `/api/debates/${debate.slug}/settings`, params: { slug: debate.slug }, body: { anonymous: true }, cookie: debate.people.owner.cookie });
    }
    return queryRaw(...args);
  }) as PrismaClient["$queryRaw"];
  try {
    await readMap();
  } finally {
    client.$queryRaw = queryRaw as PrismaClient["$queryRaw"];
  }
  expect(switched?.status).toBe(200);

  const later = await readMap();
  const body = await later.text();
  expect(ZMapDocument.parse(JSON.parse(body)).debate.anonymous).toBe(true);
  expect(body).not.toContain(realName);
});
