// An owned debate with one person of each role, and checks shared by the
// tests of membership, teams and settings: nothing written on a refusal, an
// audit entry and an event on success.
import type { PrismaClient } from "@prisma/client";
import { beforeAll, expect } from "vitest";

import { createUser, jsonRequest, seedOtherDebate, sessionCookie, type TestUser } from "./session";

export type Person = TestUser & { cookie: string };
export const ROLES = ["owner", "moderator", "participant", "viewer"] as const;
/** Everyone but the owner: the people a "debate:manage" write refuses. */
export const NOT_OWNERS = ["moderator", "participant", "viewer", "outsider"] as const;
export type Who = (typeof ROLES)[number] | "outsider";
export type OwnedDebate = Awaited<ReturnType<typeof seedOtherDebate>> & { slug: string; people: Record<Who, Person> };

/**
 * A small debate (see seedOtherDebate) owned by "owner", with a moderator, a
 * participant and a viewer as members (joined in that order) and an outsider
 * who is signed in but not a member.
 */
export async function seedOwnedDebate(prisma: PrismaClient, slug: string): Promise<OwnedDebate> {
  const ids = await seedOtherDebate(prisma, slug);
  const people = {} as Record<Who, Person>;
  for (const who of [...ROLES, "outsider"] as const) {
    const user = await createUser(prisma, `${who[0]!.toUpperCase()}${who.slice(1)} of ${slug}`);
    people[who] = { ...user, cookie: await sessionCookie(user) };
  }
  await prisma.debate.update({ where: { id: ids.debateId }, data: { ownerId: people.owner.id } });
  for (const [i, role] of ROLES.entries()) {
    // Distinct join times, so the order of joining (and so pseudonyms) is certain.
    await prisma.member.create({ data: { debateId: ids.debateId, userId: people[role].id, role, joinedAt: new Date(Date.UTC(2024, 0, 1 + i)) } });
  }
  return { ...ids, slug, people };
}

/**
 * The debate a test file works on: seeded by seedOwnedDebate before the file's
 * first test. Call it at the top of the file; the object it returns is filled
 * in then.
 */
export function ownedDebate(prisma: PrismaClient, slug: string): OwnedDebate {
  const debate = {} as OwnedDebate;
  beforeAll(async () => {
    Object.assign(debate, await seedOwnedDebate(prisma, slug));
  });
  return debate;
}

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/** Calls a route handler as Next.js would, with a JSON body (or raw string) and the session cookie given. */
export function callRoute(handler: Handler, options: { method: string; path: string; params: Record<string, string>; body?: unknown; cookie?: string }): Promise<Response> {
  const url = `http://localhost${options.path}`;
  const request =
    options.body === undefined
      ? new Request(url, { method: options.method, headers: options.cookie ? { cookie: options.cookie } : {} })
      : jsonRequest(options.method, url, options.body, options.cookie);
  return handler(request, { params: Promise.resolve(options.params) });
}

/** Every row a management write can touch. */
function snapshot(prisma: PrismaClient) {
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    prisma.debate.findMany(byId),
    prisma.member.findMany(byId),
    prisma.team.findMany(byId),
    prisma.auditEntry.findMany(byId),
    prisma.debateEvent.findMany(byId),
    prisma.node.findMany(byId),
    prisma.relation.findMany(byId),
    prisma.revision.count(),
  ]);
}

/** Runs `write` and checks that no debate, member, team, audit entry, event, node or relation changed. */
export async function expectNothingWritten<T>(prisma: PrismaClient, write: () => Promise<T>): Promise<T> {
  const before = await snapshot(prisma);
  const result = await write();
  expect(await snapshot(prisma)).toEqual(before);
  return result;
}

/** The debate's newest audit entry: checks its action, actor and detail. */
export async function expectAudit(prisma: PrismaClient, debateId: string, entry: { action: string; actorId: string; detail?: unknown }): Promise<void> {
  const latest = await prisma.auditEntry.findFirst({ where: { debateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  expect(latest, `an audit entry ${entry.action}`).toMatchObject({ action: entry.action, actorId: entry.actorId, ...(entry.detail === undefined ? {} : { detail: entry.detail }) });
}

/** The debate's newest event: checks its type and entity. */
export async function expectEvent(prisma: PrismaClient, debateId: string, event: { type: string; entityId: string }): Promise<void> {
  const latest = await prisma.debateEvent.findFirst({ where: { debateId }, orderBy: { id: "desc" } });
  expect(latest, `an event ${event.type}`).toMatchObject(event);
}
