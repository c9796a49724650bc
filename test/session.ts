// Shared helpers of the integration tests: accounts and their session cookies,
// requests to route handlers, and a count of the map's rows to show that a
// refused write changed nothing.
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { encode } from "next-auth/jwt";
import { expect } from "vitest";

import { hashPassword } from "@/lib/server/auth/passwords";
import { insertMap } from "@/prisma/seed/insert-map";

export type TestUser = { id: string; name: string; email: string };

/**
 * Inserts a User row. With a password it stores a real argon2id hash (for
 * sign-in tests); otherwise a placeholder, since a session cookie is enough to act.
 */
export async function createUser(db: PrismaClient, name: string, options: { email?: string; password?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}@example.test`;
  const passwordHash = options.password ? await hashPassword(options.password) : "not-a-password-hash";
  return db.user.create({ data: { name, email, passwordHash }, select: { id: true, name: true, email: true } });
}

/** A Cookie header carrying a next-auth session for `user`, as the browser sends it after sign-in. */
export async function sessionCookie(user: { id: string; name: string }, secret = process.env.NEXTAUTH_SECRET): Promise<string> {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (see test/integration-setup.ts).");
  const token = await encode({ token: { sub: user.id, name: user.name }, secret });
  return `next-auth.session-token=${encodeURIComponent(token)}`;
}

/**
 * A request with a JSON body (or the raw string given, to send malformed JSON)
 * and, when given, a session cookie.
 */
export function jsonRequest(method: string, url: string, body: unknown, cookie?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  return new Request(url, { method, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** The body of an error answer (see lib/errors.ts). */
export type ErrorBody = { code: string; message: string; fieldErrors?: Record<string, string[]>; current?: unknown };

/** Checks an error answer's status and code, that it says something, and returns its body. */
export async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  expect({ status: response.status, code: body.code }, body.message).toEqual({ status, code });
  expect(typeof body.message).toBe("string");
  expect(body.message.length).toBeGreaterThan(10);
  return body;
}

/** How many rows the tables a map write touches hold, deleted ones included. */
export async function countRows(db: PrismaClient) {
  const [nodes, relations, sources, revisions, premiseGroups, nodeSources] = await Promise.all([
    db.node.count(),
    db.relation.count(),
    db.source.count(),
    db.revision.count(),
    db.premiseGroup.count(),
    db.nodeSource.count(),
  ]);
  return { nodes, relations, sources, revisions, premiseGroups, nodeSources };
}

/**
 * Runs `write` and checks it changed no row of the map's tables: neither their
 * number, nor any column of a node or relation (text, version, deletedAt, group…).
 */
export async function expectNoChange<T>(db: PrismaClient, write: () => Promise<T>): Promise<T> {
  const snapshot = () =>
    Promise.all([
      countRows(db),
      db.node.findMany({ orderBy: { id: "asc" } }),
      db.relation.findMany({ orderBy: { id: "asc" } }),
      db.debate.findMany({ orderBy: { id: "asc" } }),
    ]);
  const before = await snapshot();
  const result = await write();
  expect(await snapshot()).toEqual(before);
  return result;
}

/** A small second debate (thesis, claim, premise and one source of its own); returns its ids. */
export async function seedOtherDebate(db: PrismaClient, slug = "other-debate") {
  const debateId = await insertMap(db, {
    slug,
    title: "Another debate",
    description: "A second debate, to check that nodes and sources do not cross between debates.",
    article: { title: "Another article", author: null, publisher: null, publishedAt: null, url: "https://example.org/other", perspective: "neutral", text: "Another article's text." },
    sources: [{ key: "report", title: "A report", publisher: "Example", url: "https://example.org/report", perspective: "armenian" }],
    nodes: [
      { key: "thesis", kind: "thesis", text: "The other debate's thesis.", attributedTo: null, anchor: null, sourceKeys: ["article"] },
      { key: "claim", kind: "claim", text: "A claim of the other debate.", attributedTo: null, anchor: null, sourceKeys: ["report"] },
    ],
    relations: [{ from: "claim", to: "thesis", type: "supports", group: null }],
  });
  const [thesis, claim] = await Promise.all(["The other debate's thesis.", "A claim of the other debate."].map((text) => db.node.findFirstOrThrow({ where: { debateId, text } })));
  const source = await db.source.findFirstOrThrow({ where: { debateId, articleId: null } });
  return { debateId, thesisId: thesis!.id, claimId: claim!.id, sourceId: source.id };
}

/**
 * Gives a debate without owner (the ready-made example) an owner and open
 * moderation, with these people as participants: a debate where their
 * contributions appear at once, which one without an owner never is.
 */
export async function openToParticipants(db: PrismaClient, slug: string, participants: TestUser[]): Promise<TestUser> {
  const owner = await createUser(db, "Debate Owner");
  const debate = await db.debate.update({ where: { slug }, data: { ownerId: owner.id, moderationMode: "open" }, select: { id: true } });
  await db.member.createMany({ data: [{ debateId: debate.id, userId: owner.id, role: "owner" }, ...participants.map((p) => ({ debateId: debate.id, userId: p.id, role: "participant" as const }))] });
  return owner;
}
