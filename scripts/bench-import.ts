/**
 * How long an import holds the event loop (`npm run bench:import`): a scratch
 * PostgreSQL, then the import route's handler called in this process, as
 * Next.js calls it, with
 *   - a premise supporting 500, 1000 and 2000 claims (the shape that used to
 *     re-walk the graph for each relation);
 *   - a JSON export of about 5 MB (the largest file accepted).
 * Meanwhile a 1 ms timer and perf_hooks' event-loop delay histogram measure
 * how long other requests would have waited at most, and the main thread's
 * CPU time within that longest wait tells the import's own work on the event
 * loop from time the machine gave to other threads and processes (on a loaded
 * machine the wait is longer than the work). The file itself is read in a
 * worker thread, whose time is not the event loop's. Prints the figures and never asserts. Everything it starts is stopped at the end, also on error.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";

import { encode } from "next-auth/jwt";

import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { PORTABLE_SCHEMA_VERSION, type TPortableDebate, type TPortableNode, type TPortableRelation } from "@/lib/interop/portable";

import { cleanUpOnSignals, cleanups, readPortRange, round1, runBenchmark, startMigratedDatabase } from "./lib/bench-kit";

const ARTICLE = "The article that the imported statements paraphrase. ".repeat(20).trim();

function emptyDebate(title: string): TPortableDebate {
  return {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title, description: null, moderationMode: "open", phase: "open", anonymous: false },
    article: { title, author: null, publisher: null, publishedAt: null, url: null, perspective: "neutral", text: ARTICLE },
    sources: [{ key: "s1", title: "A source", author: null, publisher: null, url: "https://example.org/a", publishedAt: "2023-05-01", quote: null, perspective: "neutral", isArticle: false }],
    nodes: [],
    relations: [],
    teams: [],
    revisions: [],
  };
}

const node = (key: string, kind: TPortableNode["kind"], text: string): TPortableNode => ({ key, kind, text, attributedTo: null, anchor: null, sourceKeys: ["s1"], status: "approved", author: null, team: null });

/** One premise that supports `claims` claims. */
function fan(claims: number): TPortableDebate {
  const debate = emptyDebate(`A premise supporting ${claims} claims`);
  debate.nodes.push(node("p", "premise", "The premise every claim rests on."));
  for (let i = 0; i < claims; i++) {
    debate.nodes.push(node(`c${i}`, "claim", `Claim number ${i}, which the premise supports.`));
    debate.relations.push({ key: `r${i}`, from: "p", to: `c${i}`, type: "supports", group: null, status: "approved" });
  }
  return debate;
}

/** A tree of statements with a revision each, grown until its JSON nearly reaches the import limit. */
function nearLimit(): { debate: TPortableDebate; bytes: number } {
  const debate = emptyDebate("A debate of about 5 MB");
  const filler = "Words that make a statement about as long as a real one in a classroom debate, with a reason. ";
  let bytes = JSON.stringify(debate).length;
  for (let i = 0; bytes < MAX_IMPORT_BYTES - 2_000; i++) {
    const n = node(`n${i}`, i === 0 ? "thesis" : i % 5 === 0 ? "rebuttal" : "premise", `${filler.repeat(2)}(${i})`);
    const relation: TPortableRelation | null = i === 0 ? null : { key: `r${i}`, from: n.key, to: `n${Math.floor((i - 1) / 3)}`, type: n.kind === "rebuttal" ? "attacks" : "supports", group: null, status: "approved" };
    const revision = { entity: "node" as const, key: n.key, version: 1, action: "create" as const, actor: "Someone", at: "2024-03-01T10:00:00.000Z", before: null, after: { text: n.text, kind: n.kind, sourceIds: ["s1"] }, reason: null };
    bytes += JSON.stringify(n).length + JSON.stringify(relation).length + JSON.stringify(revision).length + 3;
    debate.nodes.push(n);
    if (relation) debate.relations.push(relation);
    debate.revisions.push(revision);
  }
  return { debate, bytes: JSON.stringify(debate).length };
}

/**
 * CPU time of this process's main thread, in ms: the import's worker threads
 * run at the same time and count in process.cpuUsage(). Linux tells a
 * thread's own time in /proc; elsewhere the whole process's stands in.
 */
const MAIN_THREAD_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = existsSync(MAIN_THREAD_SCHEDSTAT);
function mainThreadCpuMs(): number {
  if (hasSchedstat) return Number(readFileSync(MAIN_THREAD_SCHEDSTAT, "utf8").split(" ")[0]) / 1e6;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The longest the event loop was held while `work` ran, by a 1 ms timer's lateness and by perf_hooks. */
async function blocking<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; maxTimerGapMs: number; cpuInMaxGapMs: number; maxLoopDelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  let maxGap = 0;
  let cpuInMaxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    if (now - last > maxGap) {
      maxGap = now - last;
      cpuInMaxGap = cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
  }, 1);
  histogram.enable();
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, maxTimerGapMs: maxGap, cpuInMaxGapMs: cpuInMaxGap, maxLoopDelayMs: histogram.max / 1e6 };
  } finally {
    clearInterval(timer);
    histogram.disable();
  }
}

async function main(): Promise<void> {
  cleanUpOnSignals();
  const { database, prisma } = await startMigratedDatabase(readPortRange(), console.log);
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= randomUUID();
  const user = await prisma.user.create({ data: { name: "Importer", email: `importer-${randomUUID()}@example.test`, passwordHash: "not-a-password-hash" } });
  const cookie = `next-auth.session-token=${encodeURIComponent(await encode({ token: { sub: user.id, name: user.name }, secret: process.env.NEXTAUTH_SECRET }))}`;
  // Loaded once the database is known: the handler's modules read DATABASE_URL on first use.
  const { POST } = await import("@/app/api/debates/import/route");
  const { db } = await import("@/lib/server/db");
  cleanups.push({ name: "the app's Prisma client", run: () => db.$disconnect() });

  // The client's work, serialising the file and the request, happens before the measurement starts.
  const requestOf = (debate: TPortableDebate) => {
    const content = JSON.stringify(debate);
    const body = new TextEncoder().encode(JSON.stringify({ format: "json", fileName: "bench.json", content, perspective: "neutral" }));
    return { bytes: content.length, request: () => new Request("http://localhost/api/debates/import", { method: "POST", headers: { "content-type": "application/json", cookie }, body }) };
  };
  const post = async (request: Request) => {
    const response = await POST(request, { params: Promise.resolve({}) });
    if (response.status !== 201) throw new Error(`The import answered ${response.status}: ${await response.text()}`);
  };
  // Warm-up, not measured: modules, the JIT, Prisma's query compiler, the connection pool, the worker's code.
  await post(requestOf(fan(500)).request());

  const rows: Record<string, string | number>[] = [];
  const measure = async (name: string, debate: TPortableDebate) => {
    const { bytes, request } = requestOf(debate);
    const { ms, maxTimerGapMs, cpuInMaxGapMs, maxLoopDelayMs } = await blocking(() => post(request()));
    rows.push({ file: name, MB: round1(bytes / 1e6), statements: debate.nodes.length, relations: debate.relations.length, "import ms": Math.round(ms), "longest block ms (timer)": round1(maxTimerGapMs), "main thread CPU ms in it": round1(cpuInMaxGapMs), "longest block ms (perf_hooks)": round1(maxLoopDelayMs) });
  };
  for (const claims of [500, 1000, 2000]) await measure(`premise supporting ${claims} claims`, fan(claims));
  const { debate } = nearLimit();
  for (let run = 1; run <= 2; run++) await measure(`JSON export near 5 MB (run ${run})`, debate);
  console.table(rows);
  console.log(`Load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} on ${os.cpus().length} CPUs.`);
  console.log("Target: no import holds the event loop for more than 100 ms.");
}

void runBenchmark(main);
