// Property-based fuzzing of every route that writes (POST, PATCH, PUT, DELETE
// under app/api, next-auth's apart): malformed bodies, query strings and path
// params, as the owner, a participant, an outsider and nobody. Whatever comes
// in, the answer is never a 5xx, and a refused request (4xx) changes no row.
// CI runs a fixed seed and a bounded number of requests; `npm run fuzz` runs
// more (FUZZ_RUNS, FUZZ_SEED) and prints the requests counted by status.
import type { PrismaClient } from "@prisma/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PORTABLE_SCHEMA_VERSION, type TPortableDebate } from "@/lib/interop/portable";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { nearValid, oddString, oddValue, rawBody } from "@/test/fuzz-values";

import * as nodeRoute from "../debates/[slug]/nodes/[nodeId]/route";
import * as nodesRoute from "../debates/[slug]/nodes/route";
import * as relationsRoute from "../debates/[slug]/relations/route";
import * as decisionsRoute from "../debates/[slug]/moderation/decisions/route";
import * as settingsRoute from "../debates/[slug]/settings/route";
import * as teamsRoute from "../debates/[slug]/teams/route";
import * as teamRoute from "../debates/[slug]/teams/[teamId]/route";
import * as swapSidesRoute from "../debates/[slug]/teams/swap-sides/route";
import * as memberRoute from "../debates/[slug]/members/[userId]/route";
import * as joinCodeRoute from "../debates/[slug]/join-code/route";
import * as importRoute from "../debates/import/route";
import * as debatesRoute from "../debates/route";
import * as joinRoute from "../join/route";
import * as usersRoute from "../users/route";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const SLUG = "fuzzed-debate";

type Handler = Parameters<typeof callRoute>[0];
type Ids = OwnedDebate & { teamId: string };
type Target = {
  name: string;
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  handler: Handler;
  /** The route's path params, real ones and fuzzed. */
  params: (ids: Ids) => fc.Arbitrary<Record<string, string>>;
  /** A body the route accepts, which the fuzzer mutates; none for routes without a body. */
  body?: (ids: Ids) => unknown;
  /** Query strings, for routes that read one. */
  query?: fc.Arbitrary<string>;
};

/** Every byte of the text's UTF-8 percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percentEncoded = (text: string) => [...Buffer.from(text, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
const slug = fc.oneof({ weight: 4, arbitrary: fc.constant(SLUG) }, { weight: 1, arbitrary: oddString.map((s) => s.slice(0, 120)) });
const id = (real: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: oddString });
const debateParams = () => fc.record({ slug: slug });

/** A small valid JSON export, whose inside the fuzzer mutates before it is sent as the file. */
const portable: TPortableDebate = {
  schemaVersion: PORTABLE_SCHEMA_VERSION,
  debate: { title: "Imported", description: null, moderationMode: "open", phase: "open", anonymous: false },
  article: { title: "An article", author: null, publisher: null, publishedAt: "2023-01-05", url: "https://example.org/a", perspective: "neutral", text: "The article text, long enough to anchor." },
  sources: [{ key: "s", title: "A source", author: null, publisher: null, url: "https://example.org/s", publishedAt: "2022-12-01", quote: "A quote", perspective: "armenian", isArticle: false }],
  nodes: [
    { key: "t", kind: "thesis", text: "The thesis.", attributedTo: null, anchor: { start: 0, end: 11 }, sourceKeys: ["s"], status: "approved", author: "Ann", team: "Reds", version: 2 },
    { key: "c", kind: "claim", text: "A claim.", attributedTo: null, anchor: null, sourceKeys: [], status: "pending", author: null, team: null },
  ],
  relations: [{ key: "r", from: "c", to: "t", type: "supports", group: null, status: "approved", version: 1 }],
  teams: [{ name: "Reds", colour: "#B42318", perspective: "armenian" }],
  revisions: [{ entity: "node", key: "t", version: 1, action: "create", actor: "Ann", at: "2024-01-01T10:00:00.000Z", before: null, after: { text: "The thesis.", sourceIds: ["s"] }, reason: null }],
};

const TARGETS: Target[] = [
  { name: "POST /api/users", method: "POST", handler: usersRoute.POST, params: () => fc.constant({}), body: () => ({ name: "Fuzz Person", email: "fuzz@example.test", password: "correct horse battery" }) },
  {
    name: "POST /api/debates",
    method: "POST",
    handler: debatesRoute.POST,
    params: () => fc.constant({}),
    body: () => ({ title: "A fuzzed debate", moderationMode: "open", article: { title: "An article", publishedAt: "2020-02-02", url: "https://example.org", perspective: "neutral", text: "Words of an article. ".repeat(12) } }),
  },
  { name: "POST /api/debates/import", method: "POST", handler: importRoute.POST, params: () => fc.constant({}), body: () => ({ format: "json", fileName: "fuzz.json", content: JSON.stringify(portable), perspective: "neutral" }) },
  { name: "POST /api/join", method: "POST", handler: joinRoute.POST, params: () => fc.constant({}), body: () => ({ code: "K7QM-W3XH" }) },
  {
    name: "POST …/nodes",
    method: "POST",
    handler: nodesRoute.POST,
    params: debateParams,
    body: (ids) => ({ kind: "premise", text: "A fuzzed premise.", attributedTo: "Someone", link: { type: "supports", targetId: ids.thesisId }, sources: [{ sourceId: ids.sourceId }, { title: "New", url: "https://example.org/n", publishedAt: "2021-03-04", quote: "q", perspective: "neutral" }] }),
  },
  { name: "PATCH …/nodes/{id}", method: "PATCH", handler: nodeRoute.PATCH, params: (ids) => fc.record({ slug: slug, nodeId: id([ids.thesisId, ids.claimId]) }), body: () => ({ text: "An edited statement.", version: 1 }) },
  {
    name: "DELETE …/nodes/{id}",
    method: "DELETE",
    handler: nodeRoute.DELETE,
    params: (ids) => fc.record({ slug: slug, nodeId: id([ids.claimId]) }),
    query: fc.oneof(fc.constantFrom("", "?version=1", "?version=2147483648", "?version=1e400", "?version=-1", "?version=&version=1"), oddString.map((s) => `?version=${percentEncoded(s)}`)),
  },
  { name: "POST …/relations", method: "POST", handler: relationsRoute.POST, params: debateParams, body: (ids) => ({ fromId: ids.claimId, toId: ids.thesisId, type: "attacks" }) },
  {
    name: "POST …/moderation/decisions",
    method: "POST",
    handler: decisionsRoute.POST,
    params: debateParams,
    body: (ids) => ({ items: [{ type: "node", id: ids.claimId, version: 1 }], decision: "reject", reason: "Off topic" }),
  },
  { name: "PATCH …/settings", method: "PATCH", handler: settingsRoute.PATCH, params: debateParams, body: () => ({ moderationMode: "premoderated", anonymous: true, phase: "open", joinRole: "viewer" }) },
  { name: "POST …/teams", method: "POST", handler: teamsRoute.POST, params: debateParams, body: () => ({ name: "Blue team", colour: "#1849A9", perspective: "azerbaijani" }) },
  { name: "PATCH …/teams/{id}", method: "PATCH", handler: teamRoute.PATCH, params: (ids) => fc.record({ slug: slug, teamId: id([ids.teamId]) }), body: () => ({ name: "Renamed", colour: "#067647" }) },
  { name: "DELETE …/teams/{id}", method: "DELETE", handler: teamRoute.DELETE, params: (ids) => fc.record({ slug: slug, teamId: id([ids.teamId]) }) },
  { name: "POST …/teams/swap-sides", method: "POST", handler: swapSidesRoute.POST, params: debateParams },
  {
    name: "PATCH …/members/{userId}",
    method: "PATCH",
    handler: memberRoute.PATCH,
    params: (ids) => fc.record({ slug: slug, userId: id([ids.people.participant.id, ids.people.viewer.id]) }),
    body: (ids) => ({ role: "moderator", teamId: ids.teamId }),
  },
  { name: "DELETE …/members/{userId}", method: "DELETE", handler: memberRoute.DELETE, params: (ids) => fc.record({ slug: slug, userId: id([ids.people.viewer.id]) }) },
  { name: "POST …/join-code", method: "POST", handler: joinCodeRoute.POST, params: debateParams },
  { name: "DELETE …/join-code", method: "DELETE", handler: joinCodeRoute.DELETE, params: debateParams },
];

/** A body: near-valid most often, else any JSON, an odd value, or raw text that is not JSON. */
function bodyFor(target: Target, ids: Ids): fc.Arbitrary<unknown> {
  const template = target.body?.(ids) ?? {};
  const variants: fc.WeightedArbitrary<unknown>[] = [
    { weight: 6, arbitrary: nearValid(template) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: oddValue },
    { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
  ];
  if (target === TARGETS.find((t) => t.name === "POST /api/debates/import")) {
    // The file itself, mutated inside: where the import used to answer 500.
    variants.push({ weight: 6, arbitrary: fc.tuple(nearValid(portable), fc.constantFrom("json", "aif", "argdown")).map(([file, format]) => ({ ...(template as object), format, content: JSON.stringify(file) })) });
  }
  return fc.oneof(...variants);
}

/**
 * Every row of every table but sign-in attempts (counting refused attempts is
 * their purpose), as one hash per table: any insert, update or delete shows.
 */
async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = ["User", "Article", "Debate", "Team", "Member", "Node", "PremiseGroup", "Relation", "Source", "NodeSource", "Revision", "AuditEntry", "DebateEvent"];
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*)::text || ':' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM "${t}" x) AS "${t}"`).join(", ")}`;
  const [row] = await prisma.$queryRawUnsafe<Record<string, string>[]>(sql);
  return row!;
}

let prisma: PrismaClient;
let ids: Ids;
const statuses = new Map<string, number>();

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  const owned = await seedOwnedDebate(prisma, SLUG);
  const team = await prisma.team.create({ data: { debateId: owned.debateId, name: "Reds", colour: "#B42318", perspective: "armenian" } });
  ids = { ...owned, teamId: team.id };
});

afterAll(async () => {
  const byStatus = [...statuses.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = byStatus.reduce((sum, [, n]) => sum + n, 0);
  console.log(`Fuzzed ${total} requests (seed ${SEED}): ${byStatus.map(([status, n]) => `${status}: ${n}`).join(", ")}`);
  await prisma.$disconnect();
});

describe("every write route, fuzzed", () => {
  it("answers every malformed request with a status under 500, and a refused one changes no row", { timeout: Math.max(60_000, RUNS * 400) }, async () => {
    const who = fc.constantFrom("owner", "participant", "outsider", "nobody");
    const request = fc.constantFrom(...TARGETS).chain((target) =>
      fc.record({ target: fc.constant(target), params: target.params(ids), body: bodyFor(target, ids), query: target.query ?? fc.constant(""), who }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ target, params, body, query, who }) => {
        const cookie = who === "nobody" ? undefined : ids.people[who].cookie;
        const before = await fingerprint(prisma);
        const raw = typeof body === "object" && body !== null && "raw" in body ? (body as { raw: string }).raw : undefined;
        const response = await callRoute(target.handler, { method: target.method, path: `/fuzz${query}`, params, body: raw ?? JSON.stringify(body), cookie });
        statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
        const answer = await response.text();
        expect(response.status, `${target.name} answered ${answer}`).toBeLessThan(500);
        if (response.status >= 400) expect(await fingerprint(prisma), `${target.name} refused with ${response.status} but changed rows`).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
