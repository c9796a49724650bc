/**
 * Editing and moderating under load, and a database restart under that load
 * (part of `npm run bench`): the production server on a scratch PostgreSQL,
 * a pre-moderated debate of 10 statements, each written by one of 10
 * participants, and 30 editors at once:
 *   - the 10 authors edit their own statement (an edit goes back to review);
 *   - 20 moderators edit any of them or approve it when it is pending.
 * Every request starts from the version its editor last saw (a 409 hands back
 * the current statement, as the map does), so editors collide all the time.
 * Phase 1 runs 30 s. Phase 2 runs the same load for 20 s while PostgreSQL is
 * stopped for about 5 s and started again, with 10 listeners (moderators) on
 * the live stream that reconnect as EventSource does.
 *
 * Afterwards it checks, from the database: every 2xx write is in the
 * revisions (its version, action and text), every 409 changed nothing (its
 * text is nowhere), the versions of each statement run without a gap or a
 * double, and each statement's text is that of its last acknowledged edit
 * (0 lost updates). It prints throughput, status counts and these checks,
 * and writes bench-results/load.json; it never asserts timings.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";
import { encode } from "next-auth/jwt";

import { ZLiveEvent } from "@/lib/schemas/debate-event";
import { insertMap } from "@/prisma/seed/insert-map";

import { buildIfNeeded, cleanUpOnSignals, cleanups, pickPort, readPortRange, round1, startMigratedDatabase, startServer, summarise, runBenchmark, waitUntilServing, type Summary } from "./lib/bench-kit";
import { stopProcessGroup } from "./lib/processes";
import { sseMessages } from "./lib/sse-messages";

const STATEMENTS = 10;
const MODERATORS = 20;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const FAULT_SECONDS = 20;
/** When, into the fault phase, PostgreSQL is stopped, and for how long. */
const FAULT_AT_MS = 5000;
const FAULT_FOR_MS = 5000;
const LISTENERS = 10;
const SLUG = "load-benchmark";
const RESULTS_FILE = "bench-results/load.json";
const TARGET = "150 writes/s with 30 editors on 2 CPUs";

type Kind = "edit" | "approve";
/** One request an editor sent and what came back. */
type Sent = { kind: Kind; nodeId: string; text: string | null; baseVersion: number; status: number; version: number | null; sentAt: number; answeredAt: number; phase: 1 | 2 };
type Editor = { cookie: string; own: string | null; isModerator: boolean };

const now = () => performance.timeOrigin + performance.now();
const log = (message: string) => console.log(`[bench-load] ${message}`);

cleanUpOnSignals();

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const portRange = readPortRange();
  const { database, prisma } = await startMigratedDatabase(portRange, log);

  await buildIfNeeded(log);
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { editors, nodeIds } = await seed(prisma, process.env.NEXTAUTH_SECRET);
  const port = await pickPort(portRange);
  const base = `http://localhost:${port}`;
  log(`Starting next start on port ${port}...`);
  const server = startServer(port, database.url);
  cleanups.push({ name: "the Next.js server", run: () => stopProcessGroup(server.child) });
  await waitUntilServing(`${base}/api/debates/${SLUG}`, server);

  /** The version each editor last saw of each statement (all start at 1). */
  const known = editors.map(() => new Map(nodeIds.map((id) => [id, { version: 1, status: "approved" }])));
  const sent: Sent[] = [];
  let down: { from: number; to: number | null } | null = null;
  let sequence = 0;
  /** Events after this one were written once PostgreSQL was back. */
  let lastEventBeforeRestart = BigInt(0);

  const runEditors = async (seconds: number, phase: 1 | 2) => {
    const until = now() + seconds * 1000;
    await Promise.all(
      editors.map(async (editor, e) => {
        while (now() < until) {
          const nodeId = editor.own ?? nodeIds[Math.floor(Math.random() * nodeIds.length)]!;
          const seen = known[e]!.get(nodeId)!;
          const kind: Kind = editor.isModerator && seen.status === "pending" && Math.random() < 0.5 ? "approve" : "edit";
          const text = kind === "edit" ? `Edit ${++sequence} by editor ${e + 1}: a statement reworded under load.` : null;
          const sentAt = now();
          const answer = await send(base, editor.cookie, kind, nodeId, text, seen.version).catch((): Answer => ({ status: 0 }));
          sent.push({ kind, nodeId, text, baseVersion: seen.version, status: answer.status, version: answer.version ?? null, sentAt, answeredAt: now(), phase });
          if (answer.current) known[e]!.set(nodeId, answer.current);
          // Told to wait (503), an editor waits as a browser would, if not quite as long.
          if (answer.status === 503 || answer.status === 0) await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }),
    );
  };

  log(`Phase 1: ${editors.length} editors for ${LOAD_SECONDS} s...`);
  const started = now();
  await runEditors(LOAD_SECONDS, 1);
  const loadSeconds = (now() - started) / 1000;

  log(`Phase 2: the same for ${FAULT_SECONDS} s, PostgreSQL stopped after ${FAULT_AT_MS / 1000} s for about ${FAULT_FOR_MS / 1000} s, ${LISTENERS} listeners...`);
  // Signed in as a moderator, who hears of every change, pending ones included.
  const listeners = await Promise.all(Array.from({ length: LISTENERS }, () => reconnectingListener(`${base}/api/debates/${SLUG}/events`, editors.at(-1)!.cookie)));
  cleanups.push({ name: "the listeners", run: async () => listeners.forEach((l) => l.stop()) });
  const fault = (async () => {
    await new Promise((resolve) => setTimeout(resolve, FAULT_AT_MS));
    down = { from: now(), to: null };
    log("Stopping PostgreSQL...");
    await database.halt();
    await new Promise((resolve) => setTimeout(resolve, FAULT_FOR_MS));
    log("Starting PostgreSQL again...");
    await database.restart();
    down.to = now();
    lastEventBeforeRestart = (await prisma.debateEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    log(`PostgreSQL is back after ${((down.to - down.from) / 1000).toFixed(1)} s.`);
  })();
  await Promise.all([runEditors(FAULT_SECONDS, 2), fault]);
  // Listeners get a moment for the last events and for reconnecting (the event hub retries at least every 4 s).
  await new Promise((resolve) => setTimeout(resolve, 8000));
  listeners.forEach((l) => l.stop());

  const checks = await check(prisma, sent, nodeIds);
  const { from: downFrom, to: downTo } = down! as { from: number; to: number };
  // A request that was on its way at any moment of the outage counts as sent while the database was down.
  const whileDown = (s: Sent) => s.sentAt <= downTo && s.answeredAt >= downFrom;
  const eventsAfter = await prisma.debateEvent.findMany({ where: { debate: { slug: SLUG }, id: { gt: lastEventBeforeRestart } }, select: { id: true } });
  const afterIds = eventsAfter.map((e) => e.id.toString());
  const listening = listeners.map((l) => ({ reconnections: l.reconnections(), refusals: l.refusals(), heardAfterRestart: afterIds.filter((id) => l.heard.has(id)).length }));

  const phase = (p: 1 | 2) => sent.filter((s) => s.phase === p);
  const statuses = (list: Sent[]) => Object.fromEntries([...new Set(list.map((s) => s.status))].sort().map((status) => [status, list.filter((s) => s.status === status).length]));
  const ok = (list: Sent[]) => list.filter((s) => s.status >= 200 && s.status < 300).length;
  const report = {
    finishedAt: new Date().toISOString(),
    environment: { node: process.version, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`, loadAverage: { before: round1(loadBefore), after: round1(os.loadavg()[0]!) } },
    method: `${STATEMENTS} statements of a pre-moderated debate; ${STATEMENTS} authors edit their own, ${MODERATORS} moderators edit any or approve a pending one; each request from the version its editor last saw (PATCH …/nodes/{id}, POST …/moderation/decisions)`,
    target: TARGET,
    load: {
      editors: editors.length,
      seconds: round1(loadSeconds),
      requests: phase(1).length,
      statuses: statuses(phase(1)),
      writesPerSecond: round1(ok(phase(1)) / loadSeconds),
      requestsPerSecond: round1(phase(1).length / loadSeconds),
      latencyMs: summarise(phase(1).map((s) => s.answeredAt - s.sentAt)),
    },
    fault: {
      seconds: FAULT_SECONDS,
      downForSeconds: round1((downTo - downFrom) / 1000),
      statuses: statuses(phase(2)),
      statusesWhileDown: statuses(phase(2).filter(whileDown)),
      serverErrorsOtherThan503: phase(2).filter((s) => s.status >= 500 && s.status !== 503).length,
      acknowledgedAfterRestart: phase(2).filter((s) => s.sentAt > downTo && s.status >= 200 && s.status < 300).length,
      listeners: listening,
      eventsAfterRestart: afterIds.length,
    },
    checks,
  };
  print(report);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  log(`Written to ${RESULTS_FILE}.`);
}

/** A pre-moderated debate of STATEMENTS statements, each by its own participant, and the editors' session cookies. */
async function seed(prisma: PrismaClient, secret: string): Promise<{ editors: Editor[]; nodeIds: string[] }> {
  const debateId = await insertMap(prisma, {
    slug: SLUG,
    title: "Load benchmark",
    description: "Statements edited and moderated by many people at once.",
    article: { title: "An article", author: null, publisher: null, publishedAt: null, url: "https://example.org/load", perspective: "neutral", text: "An article's text." },
    sources: [],
    nodes: [
      { key: "thesis", kind: "thesis", text: "The thesis of the load benchmark.", attributedTo: null, anchor: null, sourceKeys: ["article"] },
      ...Array.from({ length: STATEMENTS }, (_, i) => ({ key: `claim-${i}`, kind: "claim" as const, text: `Claim ${i + 1} as first written.`, attributedTo: null, anchor: null, sourceKeys: ["article"] })),
    ],
    relations: Array.from({ length: STATEMENTS }, (_, i) => ({ from: `claim-${i}`, to: "thesis", type: "supports" as const, group: null })),
  });
  const person = (name: string) => prisma.user.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}@example.test`, passwordHash: "not-a-password-hash" } });
  const owner = await person("Load owner");
  await prisma.debate.update({ where: { id: debateId }, data: { ownerId: owner.id, moderationMode: "premoderated" } });
  const claims = await prisma.node.findMany({ where: { debateId, kind: "claim" }, orderBy: { text: "asc" }, select: { id: true } });
  const editors: Editor[] = [];
  const cookie = async (user: { id: string; name: string }) => `next-auth.session-token=${encodeURIComponent(await encode({ token: { sub: user.id, name: user.name }, secret }))}`;
  for (const [i, claim] of claims.entries()) {
    const author = await person(`Load author ${i + 1}`);
    await prisma.member.create({ data: { debateId, userId: author.id, role: "participant" } });
    await prisma.node.update({ where: { id: claim.id }, data: { authorId: author.id } });
    editors.push({ cookie: await cookie(author), own: claim.id, isModerator: false });
  }
  for (let i = 0; i < MODERATORS; i++) {
    const moderator = await person(`Load moderator ${i + 1}`);
    await prisma.member.create({ data: { debateId, userId: moderator.id, role: "moderator" } });
    editors.push({ cookie: await cookie(moderator), own: null, isModerator: true });
  }
  return { editors, nodeIds: claims.map((c) => c.id) };
}

type Answer = { status: number; version?: number; current?: { version: number; status: string } };

/** An edit or an approval, with the headers a browser's request carries (JSON, from the app's own origin). */
async function send(base: string, cookie: string, kind: Kind, nodeId: string, text: string | null, version: number): Promise<Answer> {
  const headers = { "content-type": "application/json", origin: base, cookie };
  const response =
    kind === "edit"
      ? await fetch(`${base}/api/debates/${SLUG}/nodes/${nodeId}`, { method: "PATCH", headers, body: JSON.stringify({ text, version }) })
      : await fetch(`${base}/api/debates/${SLUG}/moderation/decisions`, { method: "POST", headers, body: JSON.stringify({ items: [{ type: "node", id: nodeId, version }], decision: "approve" }) });
  const body = (await response.json().catch(() => null)) as { version?: number; status?: string; current?: { version: number; status: string }; decided?: { id: string; version: number; status: string }[] } | null;
  if (response.status === 409) return { status: 409, ...(body?.current ? { current: { version: body.current.version, status: body.current.status } } : {}) };
  if (!response.ok || !body) return { status: response.status };
  if (kind === "edit") return { status: response.status, version: body.version!, current: { version: body.version!, status: body.status! } };
  const decided = body.decided!.find((d) => d.id === nodeId)!;
  return { status: response.status, version: decided.version, current: { version: decided.version, status: decided.status } };
}

/** What the database says of the requests: every acknowledged write kept, nothing refused written, nothing lost. */
async function check(prisma: PrismaClient, sent: Sent[], nodeIds: string[]) {
  const revisions = await prisma.revision.findMany({ where: { entityType: "node", entityId: { in: nodeIds } }, select: { entityId: true, version: true, action: true, after: true } });
  const nodes = await prisma.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, text: true, version: true } });
  const byKey = new Map(revisions.map((r) => [`${r.entityId}:${r.version}`, r]));
  const textOf = (value: unknown) => (value as { text?: string } | null)?.text;
  const acknowledged = sent.filter((s) => s.status >= 200 && s.status < 300);
  const missing = acknowledged.filter((s) => {
    const revision = byKey.get(`${s.nodeId}:${s.version}`);
    return !revision || revision.action !== (s.kind === "edit" ? "update" : "approve") || (s.text !== null && textOf(revision.after) !== s.text);
  });
  const allTexts = new Set([...revisions.map((r) => textOf(r.after)), ...nodes.map((n) => n.text)]);
  const conflicts = sent.filter((s) => s.status === 409);
  const conflictsThatWrote = conflicts.filter((s) => s.text !== null && allTexts.has(s.text));
  // Writes refused for any reason (503s included) must be absent too; a 503 may still have committed when the connection broke in COMMIT, so those are counted apart.
  const refusedThatWrote = sent.filter((s) => s.status >= 400 && s.status !== 409 && s.text !== null && allTexts.has(s.text));
  let versionGaps = 0;
  let lostUpdates = 0;
  for (const node of nodes) {
    const versions = revisions.filter((r) => r.entityId === node.id).map((r) => r.version).sort((a, b) => a - b);
    const expected = Array.from({ length: node.version - 1 }, (_, i) => i + 2);
    if (versions.join() !== expected.join()) versionGaps++;
    const lastEdit = acknowledged.filter((s) => s.nodeId === node.id && s.kind === "edit").sort((a, b) => b.version! - a.version!)[0];
    // The node's text is its last acknowledged edit's, unless a later write (a 503 that committed) came after it.
    if (lastEdit && node.text !== lastEdit.text && !(node.version > lastEdit.version! && refusedThatWrote.some((s) => s.nodeId === node.id))) lostUpdates++;
  }
  return {
    acknowledgedWrites: acknowledged.length,
    acknowledgedMissingFromRevisions: missing.length,
    conflicts: conflicts.length,
    conflictsThatChangedSomething: conflictsThatWrote.length,
    otherRefusalsFoundWritten: refusedThatWrote.length,
    statementsWithVersionGaps: versionGaps,
    lostUpdates: lostUpdates + missing.length,
  };
}

type ListenerHandle = { heard: Set<string>; reconnections: () => number; refusals: () => number; stop: () => void };

/** A listener that reconnects with Last-Event-ID as EventSource does (after 1 s), and keeps trying when refused. */
async function reconnectingListener(url: string, cookie: string): Promise<ListenerHandle> {
  const abort = new AbortController();
  const heard = new Set<string>();
  let lastId: string | null = null;
  let reconnections = -1;
  let refusals = 0;
  let opened!: () => void;
  const first = new Promise<void>((resolve) => (opened = resolve));
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(url, { headers: { cookie, ...(lastId ? { "last-event-id": lastId } : {}) }, signal: abort.signal });
        if (!response.ok || !response.body) {
          refusals++;
          await response.body?.cancel();
        } else {
          reconnections++;
          opened();
          for await (const message of sseMessages(response.body, abort.signal)) {
            const event = ZLiveEvent.parse(JSON.parse(message.data));
            heard.add(event.id);
            lastId = event.id;
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  await first;
  return { heard, reconnections: () => reconnections, refusals: () => refusals, stop: () => abort.abort() };
}

function print(report: {
  environment: { cpus: string; loadAverage: { before: number; after: number } };
  load: { editors: number; seconds: number; requests: number; statuses: Record<string, number>; writesPerSecond: number; requestsPerSecond: number; latencyMs: Summary };
  fault: { downForSeconds: number; statuses: Record<string, number>; statusesWhileDown: Record<string, number>; serverErrorsOtherThan503: number; acknowledgedAfterRestart: number; listeners: { reconnections: number; refusals: number; heardAfterRestart: number }[]; eventsAfterRestart: number };
  checks: Awaited<ReturnType<typeof check>>;
}) {
  const { environment, load, fault, checks } = report;
  const counts = (c: Record<string, number>) => Object.entries(c).map(([status, n]) => `${status === "0" ? "no answer" : status}: ${n}`).join(", ");
  console.log(`\nEditing and moderating under load (${environment.cpus}; load average ${environment.loadAverage.before} before, ${environment.loadAverage.after} after)\n`);
  console.log(`${load.editors} editors for ${load.seconds} s: ${load.requests} requests (${load.requestsPerSecond}/s); ${counts(load.statuses)}`);
  console.log(`Latency: median ${load.latencyMs.median} ms, p95 ${load.latencyMs.p95} ms.`);
  console.log(`Throughput: ${load.writesPerSecond} acknowledged writes/s (target: ${TARGET}).`);
  console.log(`\nPostgreSQL stopped for ${fault.downForSeconds} s under the same load: ${counts(fault.statuses)}`);
  console.log(`  while it was down: ${counts(fault.statusesWhileDown)}; 5xx other than 503: ${fault.serverErrorsOtherThan503}${fault.serverErrorsOtherThan503 > 0 ? " (FAILURE)" : ""}`);
  console.log(`  acknowledged writes sent after the restart (the app reconnected by itself): ${fault.acknowledgedAfterRestart}`);
  const heardAll = fault.listeners.filter((l) => l.heardAfterRestart === fault.eventsAfterRestart).length;
  console.log(`  ${fault.listeners.length} listeners: ${fault.listeners.filter((l) => l.heardAfterRestart > 0).length} heard events after the restart, ${heardAll} all ${fault.eventsAfterRestart} of them; reconnections ${fault.listeners.map((l) => l.reconnections).join("/")}, refused while down ${fault.listeners.map((l) => l.refusals).join("/")}`);
  console.log(`\nChecks over both phases: ${checks.acknowledgedWrites} acknowledged writes, ${checks.acknowledgedMissingFromRevisions} missing from the revisions; ${checks.conflicts} conflicts (409), ${checks.conflictsThatChangedSomething} of them changed something; other refusals found written: ${checks.otherRefusalsFoundWritten}; statements whose versions have a gap or a double: ${checks.statementsWithVersionGaps}; lost updates: ${checks.lostUpdates}.`);
}

await runBenchmark(main);
