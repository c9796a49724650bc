/**
 * Live updates under load (part of `npm run bench`): a lecture hall. Two
 * instances of the production server on one scratch PostgreSQL with the
 * Lachin debate, 300 listeners on its event stream, half on each instance,
 * then
 *   - 200 statements added one after another through the HTTP API (of each
 *     instance in turn): how long each event takes from the write's commit
 *     to each listener;
 *   - 30 writers adding statements at once for 10 s (half through each
 *     instance): writes per second, and the same delivery times under that
 *     load.
 * The commit time of a write is when PostgreSQL hands its NOTIFY to a LISTEN
 * connection of this benchmark's own, which it does right after the commit;
 * that connection lives in a worker thread, so the listeners' work cannot
 * delay its clock. (DebateEvent.createdAt would not do: CURRENT_TIMESTAMP is
 * the start of the writing transaction, so it adds the write's own duration.)
 * For comparison, the time from the write's HTTP answer, sent after the commit,
 * is printed too (an event can even beat it). Listeners, writers and server
 * share this machine's CPUs and clock. Prints and writes
 * bench-results/live.json; never asserts.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

import type { PrismaClient } from "@prisma/client";
import { encode } from "next-auth/jwt";

import { ZEventNotification, ZLiveEvent } from "@/lib/schemas/debate-event";
import { ZMapDocument } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";

import { buildIfNeeded, cleanUpOnSignals, cleanups, pickPort, readPortRange, startMigratedDatabase, startServer, summarise, runBenchmark, waitUntilServing, type Summary } from "./lib/bench-kit";
import { stopProcessGroup } from "./lib/processes";
import { sseMessages } from "./lib/sse-messages";

const LISTENERS = 300;
const INSTANCES = 2;
const LISTENERS_AT_ONCE = 30;
const WARMUP_WRITES = 10;
const SEQUENTIAL_WRITES = 200;
const WRITERS = 30;
const LOAD_SECONDS = 10;
/** How long to wait, after the last write, for events still on their way (they count as lost after it). */
const DRAIN_MS = 10_000;
const TARGET = { p95Below: 300, text: `p95 delivery from commit to ${LISTENERS} listeners on ${INSTANCES} instances < 300 ms` };
const RESULTS_FILE = "bench-results/live.json";
/** The channel lib/server/events/publish-event.ts notifies on (that module runs only inside Next.js). */
const EVENTS_CHANNEL = "debate_events";

type Write = { entityId: string; answeredAt: number };
type Listener = { arrivals: Map<string, number>; stop: () => void };
type Delivery = { writes: number; deliveries: number; lost: number; fromCommitMs: Summary; fromAnswerMs: Summary };
type CommitClock = { committedAt: Map<string, number>; stop: () => Promise<void> };

const now = () => performance.timeOrigin + performance.now();

cleanUpOnSignals();

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const portRange = readPortRange();
  const { database, prisma } = await startMigratedDatabase(portRange, log);
  await seedLachin(prisma);
  const slug = readLachinSeed().debate.slug;

  await buildIfNeeded(log);
  // The sessions of the writers are signed with the server's secret.
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  const cookies = await writerCookies(prisma, process.env.NEXTAUTH_SECRET);
  const bases: string[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const port = await pickPort(portRange);
    // localhost, as NEXTAUTH_URL says: the Origin the writes send is the app's own.
    const base = `http://localhost:${port}`;
    log(`Starting the app server on port ${port}...`);
    const server = startServer(port, database.url);
    cleanups.push({ name: `the Next.js server on port ${port}`, run: () => stopProcessGroup(server.child) });
    await waitUntilServing(`${base}/api/debates/${slug}`, server);
    bases.push(base);
  }

  const map = ZMapDocument.parse(await (await fetch(`${bases[0]}/api/debates/${slug}`)).json());
  const thesisId = map.nodes.find((n) => n.kind === "thesis")!.id;
  let writes = 0;
  // Writes go to each instance in turn, as a load balancer without stickiness would send them.
  const write = (cookie: string, text: string) => addClaim(`${bases[writes++ % INSTANCES]}/api/debates/${slug}/nodes`, cookie, thesisId, text);

  const clock = await startCommitClock(database.url);
  cleanups.push({ name: "the commit clock", run: clock.stop });
  log(`Connecting ${LISTENERS} listeners, ${LISTENERS / INSTANCES} to each instance...`);
  // A hall fills over some seconds: listeners arrive LISTENERS_AT_ONCE at a time, not all in the same instant.
  const listeners: Listener[] = [];
  for (let i = 0; i < LISTENERS; i += LISTENERS_AT_ONCE) {
    listeners.push(...(await Promise.all(Array.from({ length: LISTENERS_AT_ONCE }, (_, j) => listen(`${bases[(i + j) % INSTANCES]}/api/debates/${slug}/events`)))));
  }
  cleanups.push({ name: "the listeners", run: async () => listeners.forEach((l) => l.stop()) });

  for (let i = 0; i < WARMUP_WRITES; i++) await write(cookies[0]!, `Warm-up statement ${i + 1}.`);

  log(`${SEQUENTIAL_WRITES} sequential writes...`);
  const sequentialWrites: Write[] = [];
  const sequentialStart = now();
  for (let i = 0; i < SEQUENTIAL_WRITES; i++) sequentialWrites.push(await write(cookies[0]!, `Sequential statement ${i + 1}.`));
  const sequentialRate = SEQUENTIAL_WRITES / ((now() - sequentialStart) / 1000);
  const sequential = await delivery(clock, listeners, sequentialWrites);

  log(`${WRITERS} concurrent writers for ${LOAD_SECONDS} s...`);
  const loadWrites: Write[] = [];
  const failures: string[] = [];
  const started = now();
  const until = started + LOAD_SECONDS * 1000;
  await Promise.all(
    cookies.map(async (cookie, writer) => {
      for (let i = 1; now() < until; i++) {
        try {
          loadWrites.push(await write(cookie, `Statement ${i} of writer ${writer + 1}.`));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    }),
  );
  const elapsedSeconds = (now() - started) / 1000;
  const underLoad = await delivery(clock, listeners, loadWrites);

  const report = {
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
    },
    method: {
      listeners: `${LISTENERS} anonymous EventSource-like readers of GET /api/debates/${slug}/events in this process, split evenly over ${INSTANCES} app instances`,
      writes: `POST /api/debates/{slug}/nodes (a claim for the thesis with a new source) to each of the ${INSTANCES} instances in turn, each writer signed in as its own user`,
      fromCommit: "arrival at a listener minus the arrival of the same NOTIFY at a LISTEN connection of the benchmark's own (in a worker thread), which PostgreSQL sends right after the commit",
      fromAnswer: "arrival at a listener minus the time the write's HTTP answer arrived (after the commit): negative when the event came first",
    },
    target: TARGET.text,
    sequential: { writesPerSecond: round(sequentialRate), ...sequential },
    load: { writers: WRITERS, seconds: round(elapsedSeconds), failures, writesPerSecond: round(loadWrites.length / elapsedSeconds), ...underLoad },
  };
  printReport(report);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  log(`Written to ${RESULTS_FILE}.`);
}

function log(message: string) {
  console.log(`[bench-live] ${message}`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One user per writer, and the session cookie the browser would carry after signing in. */
async function writerCookies(prisma: PrismaClient, secret: string): Promise<string[]> {
  const users = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      prisma.user.create({ data: { name: `Bench writer ${i + 1}`, email: `bench-writer-${i + 1}@example.test`, passwordHash: "not-a-password-hash" } }),
    ),
  );
  return Promise.all(users.map(async (user) => `next-auth.session-token=${encodeURIComponent(await encode({ token: { sub: user.id, name: user.name }, secret }))}`));
}

async function addClaim(url: string, cookie: string, thesisId: string, text: string): Promise<Write> {
  const body = { kind: "claim", text, link: { type: "supports", targetId: thesisId }, sources: [{ title: "Benchmark source", url: "https://example.org/bench", perspective: "neutral" }] };
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: new URL(url).origin, cookie }, body: JSON.stringify(body) });
  const answeredAt = now();
  const json = (await response.json()) as { node?: { id: string } };
  if (response.status !== 201 || !json.node) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json)}`);
  return { entityId: json.node.id, answeredAt };
}

/** A listener that notes when each event (by the statement it is about) arrives. */
async function listen(url: string): Promise<Listener> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const arrivals = new Map<string, number>();
  void (async () => {
    try {
      for await (const message of sseMessages(response.body!, abort.signal)) {
        const at = now();
        arrivals.set(ZLiveEvent.parse(JSON.parse(message.data)).entityId, at);
      }
    } catch {
      // Stopped at the end of the run.
    }
  })();
  return { arrivals, stop: () => abort.abort() };
}

/**
 * When each write committed, by the statement it added: PostgreSQL hands a
 * NOTIFY to every listening connection right after the commit. Plain
 * JavaScript, as a worker thread runs it without the TypeScript loader.
 */
const COMMIT_CLOCK = `
const { parentPort, workerData } = require("node:worker_threads");
const { Client } = require("pg");
const client = new Client({ connectionString: workerData.url });
client.on("notification", (message) => parentPort.postMessage({ payload: message.payload, at: performance.timeOrigin + performance.now() }));
client.connect().then(() => client.query("LISTEN " + workerData.channel)).then(() => parentPort.postMessage("listening"), (error) => { throw error; });
`;

async function startCommitClock(url: string): Promise<CommitClock> {
  const worker = new Worker(COMMIT_CLOCK, { eval: true, workerData: { url, channel: EVENTS_CHANNEL } });
  const committedAt = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: "listening" | { payload: string; at: number }) => {
      if (message === "listening") return resolve();
      committedAt.set(ZEventNotification.parse(JSON.parse(message.payload)).entityId, message.at);
    });
    worker.once("error", reject);
  });
  return { committedAt, stop: async () => void (await worker.terminate()) };
}

/** Waits for the events of `writes` at every listener, then measures their delivery. */
async function delivery(clock: CommitClock, listeners: Listener[], writes: Write[]): Promise<Delivery> {
  const ids = writes.map((w) => w.entityId);
  const deadline = now() + DRAIN_MS;
  while (now() < deadline && !listeners.every((l) => ids.every((id) => l.arrivals.has(id)))) await new Promise((resolve) => setTimeout(resolve, 50));
  const fromCommit: number[] = [];
  const fromAnswer: number[] = [];
  let lost = 0;
  for (const write of writes) {
    const committedAt = clock.committedAt.get(write.entityId);
    if (committedAt === undefined) throw new Error(`PostgreSQL sent no notification for ${write.entityId}.`);
    for (const listener of listeners) {
      const arrival = listener.arrivals.get(write.entityId);
      if (arrival === undefined) {
        lost++;
        continue;
      }
      fromCommit.push(arrival - committedAt);
      fromAnswer.push(arrival - write.answeredAt);
    }
  }
  return { writes: writes.length, deliveries: fromCommit.length, lost, fromCommitMs: summarise(fromCommit), fromAnswerMs: summarise(fromAnswer) };
}

function printReport(report: {
  environment: { cpus: string; loadAverage: { before: number; after: number } };
  sequential: Delivery & { writesPerSecond: number };
  load: Delivery & { writesPerSecond: number; failures: string[]; seconds: number };
}) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (name: string, d: Delivery) =>
    `${name.padEnd(34)}${String(d.writes).padStart(7)}${String(d.deliveries).padStart(11)}${String(d.lost).padStart(6)}${ms(d.fromCommitMs.median).padStart(11)}${ms(d.fromCommitMs.p95).padStart(11)}${ms(d.fromCommitMs.max).padStart(11)}   ${ms(d.fromAnswerMs.median)} / ${ms(d.fromAnswerMs.p95)}`;
  const { environment, sequential, load } = report;
  console.log(`\nLive updates: ${LISTENERS} listeners on ${INSTANCES} app instances (${environment.cpus}; load average ${environment.loadAverage.before} before, ${environment.loadAverage.after} after)\n`);
  console.log(`${"".padEnd(34)}${"writes".padStart(7)}${"deliveries".padStart(11)}${"lost".padStart(6)}${"median".padStart(11)}${"p95".padStart(11)}${"max".padStart(11)}   from answer: median / p95`);
  console.log(row(`${SEQUENTIAL_WRITES} sequential writes`, sequential));
  console.log(row(`${WRITERS} writers for ${load.seconds} s`, load));
  console.log(`\nWrite throughput: ${load.writesPerSecond} writes/s with ${WRITERS} concurrent writers (${sequential.writesPerSecond} writes/s one at a time).`);
  if (load.failures.length > 0) console.log(`${load.failures.length} writes failed under load; the first: ${load.failures[0]}`);
  const worst = Math.max(sequential.fromCommitMs.p95, load.fromCommitMs.p95);
  console.log(`Target: ${TARGET.text}: ${ms(sequential.fromCommitMs.p95)} sequential, ${ms(load.fromCommitMs.p95)} under load (${worst < TARGET.p95Below ? "met" : "missed"}).`);
  console.log("From commit: from PostgreSQL's NOTIFY reaching a LISTEN connection of the benchmark's own; from answer: from the write's HTTP answer.");
}

await runBenchmark(main);
