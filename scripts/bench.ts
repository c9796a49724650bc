/**
 * How fast the map is at scale (`npm run bench`): a scratch PostgreSQL with the
 * Lachin debate and synthetic debates of 500 and 2000 nodes, the production
 * build served by the app's server (scripts/serve.ts), then for each debate
 *   - the map API (GET /api/debates/{slug}): sequential requests after a warm-up;
 *   - the map page in headless Chromium: from navigation start until the
 *     statement nodes are there and fitView has set the viewport (rendered),
 *     and until a click on a node has selected it (interactive).
 * Prints a table and writes it to bench-results/latest.json. It measures and
 * never asserts. Everything it starts is stopped at the end, also on error.
 *
 * BENCH_PORTS=3200-3299 keeps PostgreSQL and the server on ports in that range
 * (otherwise the kernel picks free ones).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { chromium, type Browser } from "playwright-core";

import { insertMap } from "@/prisma/seed/insert-map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";

import { buildIfNeeded, cleanUpOnSignals, cleanups, pickPort, readPortRange, round1, startDatabase, startServer, summarise, runBenchmark, waitUntilServing, type Summary } from "./lib/bench-kit";
import { stopProcessGroup } from "./lib/processes";
import { applyMigrations } from "./lib/migrate";
import { CHROMIUM_ARGS } from "./lib/chromium";
import { connect } from "./lib/prisma-client";
import { mapStats, syntheticMap } from "./lib/synthetic-map";

const API_WARMUP = 20;
const API_REQUESTS = 200;
const PAGE_WARMUP = 1;
const PAGE_LOADS = 5;
const SYNTHETIC_SIZES = [500, 2000];
const RESULTS_FILE = "bench-results/latest.json";
/** The full browser, as people open the map, not the headless shell the export uses. */
const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1440, height: 900 };
const TARGETS = {
  apiP95Ms: { nodes: 2000, below: 50, text: "map API p95 < 50 ms at 2000 nodes" },
  pageMs: { nodes: 2000, below: 2000, text: "2000-node map rendered and interactive < 2 s" },
};

type Debate = { slug: string; nodes: number; relations: number };
type ApiResult = { requests: number; warmup: number; ms: Summary; jsonBytes: number; gzipBytes: number };
type PageLoad = {
  ttfbMs: number;
  htmlDoneMs: number;
  domContentLoadedMs: number;
  renderedMs: number;
  interactiveMs: number;
  clickToSelectedMs: number;
  longTasksBeforeRenderedMs: number;
  longestTaskMs: number;
  htmlBytes: number;
};
type PageResult = { loads: number; median: PageLoad; all: PageLoad[] };

cleanUpOnSignals();

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const portRange = readPortRange();
  log(`Starting a scratch PostgreSQL${portRange ? ` on a port in ${portRange.join("-")}` : ""}...`);
  const database = await startDatabase(portRange);
  cleanups.push({ name: "PostgreSQL", run: database.stop });

  await applyMigrations(database.url);
  const debates = await seed(database.url);

  await buildIfNeeded(log);

  const port = await pickPort(portRange);
  const base = `http://127.0.0.1:${port}`;
  log(`Starting the app server on port ${port}...`);
  const server = startServer(port, database.url);
  cleanups.push({ name: "the Next.js server", run: () => stopProcessGroup(server.child) });
  await waitUntilServing(`${base}/api/debates/${debates[0]!.slug}`, server);

  const api: Record<string, ApiResult> = {};
  for (const debate of debates) {
    log(`API: ${debate.slug} (${API_WARMUP} warm-up + ${API_REQUESTS} requests)...`);
    api[debate.slug] = await benchApi(`${base}/api/debates/${debate.slug}`);
  }

  log("Starting headless Chromium...");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  cleanups.push({ name: "Chromium", run: () => browser.close() });
  const page: Record<string, PageResult> = {};
  for (const debate of debates) {
    log(`Page: ${debate.slug} (${PAGE_WARMUP} warm-up + ${PAGE_LOADS} loads)...`);
    page[debate.slug] = await benchPage(browser, `${base}/debates/${debate.slug}`);
  }

  const report = {
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: browser.version(),
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      // Other work on the machine slows every figure; the 1-minute load average before and after.
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
    },
    method: {
      api: `${API_REQUESTS} sequential GETs on one keep-alive connection after ${API_WARMUP} warm-up requests, Accept-Encoding: gzip; time until the whole body is read`,
      page: `${PAGE_LOADS} loads (after ${PAGE_WARMUP} warm-up) in a fresh browser context each, viewport ${VIEWPORT.width}×${VIEWPORT.height}; times from navigation start`,
      rendered: ".react-flow__node-statement present and visible, and the .react-flow__viewport transform set by fitView (checked every animation frame)",
      interactive: "a node is clicked as soon as the map is rendered; the time when it has the selected class",
    },
    targets: [TARGETS.apiP95Ms.text, TARGETS.pageMs.text],
    debates: debates.map((d) => ({ ...d, api: api[d.slug]!, page: page[d.slug]! })),
  };
  printReport(report.debates, report.environment);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  log(`Written to ${RESULTS_FILE}.`);
}

// ---------------------------------------------------------------- setup

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function seed(url: string): Promise<Debate[]> {
  const db = connect(url);
  try {
    await seedLachin(db);
    const lachin = readLachinSeed();
    const debates: Debate[] = [{ slug: lachin.debate.slug, nodes: lachin.map.nodes.length, relations: lachin.map.relations.length }];
    for (const size of SYNTHETIC_SIZES) {
      const map = syntheticMap({ nodes: size, seed: 1 });
      await insertMap(db, map);
      const s = mapStats(map);
      log(`Seeded ${map.slug}: ${s.nodes.claim} claims, ${s.nodes.premise} premises, ${s.nodes.rebuttal} rebuttals, depth ${s.depth}, ${map.relations.length} relations.`);
      debates.push({ slug: map.slug, nodes: map.nodes.length, relations: map.relations.length });
    }
    return debates;
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------- measuring

function median(values: number[]): number {
  return summarise(values).median;
}

/** One GET on the keep-alive agent: the time until the whole body is in, and the body as sent. */
function timedGet(agent: http.Agent, url: string): Promise<{ ms: number; body: Buffer; gzipped: boolean }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        resolve({ ms: performance.now() - started, body: Buffer.concat(chunks), gzipped: response.headers["content-encoding"] === "gzip" });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function benchApi(url: string): Promise<ApiResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    let last = await timedGet(agent, url);
    for (let i = 1; i < API_WARMUP; i++) last = await timedGet(agent, url);
    const times: number[] = [];
    for (let i = 0; i < API_REQUESTS; i++) {
      last = await timedGet(agent, url);
      times.push(last.ms);
    }
    const json = last.gzipped ? gunzipSync(last.body) : last.body;
    return { requests: API_REQUESTS, warmup: API_WARMUP, ms: summarise(times), jsonBytes: json.length, gzipBytes: last.gzipped ? last.body.length : 0 };
  } finally {
    agent.destroy();
  }
}

declare global {
  interface Window {
    __bench: { rendered?: number; selected?: number; inputAt?: number; longTasks: { start: number; duration: number }[] };
  }
}

/**
 * Runs in the page before its own scripts: notes when the map is rendered and
 * when a node is selected. A string, as tsx would add helpers to a function
 * that the page does not have.
 */
const PAGE_PROBE = `
  const bench = { longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  addEventListener("pointerdown", (event) => { if (bench.inputAt === undefined) bench.inputAt = event.timeStamp; }, { capture: true });
  const check = () => {
    if (bench.rendered === undefined) {
      const transform = document.querySelector(".react-flow__viewport")?.style.transform;
      const node = document.querySelector(".react-flow__node-statement");
      if (node && transform && transform !== "translate(0px, 0px) scale(1)" && getComputedStyle(node).visibility !== "hidden") {
        bench.rendered = performance.now();
      }
    }
    if (bench.rendered !== undefined && document.querySelector(".react-flow__node-statement.selected")) bench.selected = performance.now();
    if (bench.selected === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

async function loadOnce(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript({ content: PAGE_PROBE });
    const response = await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}.`);
    const waitFor = async (what: string, done: () => boolean) => {
      try {
        await page.waitForFunction(done, undefined, { timeout: 60_000, polling: 50 });
      } catch (error) {
        throw new Error(`${url}: no ${what} within 60 s${errors.length ? `; errors in the page: ${errors.join("; ")}` : ""} (${(error as Error).message.split("\n")[0]})`);
      }
    };
    await waitFor("rendered map", () => window.__bench?.rendered !== undefined);
    // Click the first statement whose centre is not covered by the minimap, the controls or the legend.
    const point = await page.evaluate(() => {
      for (const node of document.querySelectorAll(".react-flow__node-statement")) {
        const box = node.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (box.width > 2 && node.contains(document.elementFromPoint(x, y))) return { x, y };
      }
      return null;
    });
    if (!point) throw new Error(`No statement node of ${url} can be clicked.`);
    await page.mouse.click(point.x, point.y);
    await waitFor("selected node after the click", () => window.__bench.selected !== undefined);
    const bench = await page.evaluate(() => window.__bench);
    const nav = await page.evaluate(() => {
      const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { ttfb: entry.responseStart, htmlDone: entry.responseEnd, dcl: entry.domContentLoadedEventEnd, bytes: entry.decodedBodySize };
    });
    const before = bench.longTasks.filter((t) => t.start < bench.rendered!);
    const load: PageLoad = {
      ttfbMs: nav.ttfb,
      htmlDoneMs: nav.htmlDone,
      domContentLoadedMs: nav.dcl,
      renderedMs: bench.rendered!,
      interactiveMs: bench.selected!,
      clickToSelectedMs: bench.selected! - (bench.inputAt ?? bench.rendered!),
      longTasksBeforeRenderedMs: before.reduce((sum, t) => sum + t.duration, 0),
      longestTaskMs: Math.max(0, ...bench.longTasks.map((t) => t.duration)),
      htmlBytes: nav.bytes,
    };
    return Object.fromEntries(Object.entries(load).map(([key, value]) => [key, round1(value)])) as PageLoad;
  } finally {
    await context.close();
  }
}

async function benchPage(browser: Browser, url: string): Promise<PageResult> {
  for (let i = 0; i < PAGE_WARMUP; i++) await loadOnce(browser, url);
  const all: PageLoad[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) all.push(await loadOnce(browser, url));
  const keys = Object.keys(all[0]!) as (keyof PageLoad)[];
  const medians = Object.fromEntries(keys.map((key) => [key, median(all.map((load) => load[key]))])) as PageLoad;
  return { loads: PAGE_LOADS, median: medians, all };
}

// ---------------------------------------------------------------- report

function printReport(rows: (Debate & { api: ApiResult; page: PageResult })[], environment: { cpus: string; memoryGb: number; node: string; chromium: string; loadAverage: { before: number; after: number } }) {
  const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  const table = [
    ["debate", "nodes", "rels", "API median", "API p95", "API max", "JSON (gzip)", "TTFB", "rendered", "interactive", "click→sel", "long tasks"],
    ...rows.map((r) => [
      r.slug,
      String(r.nodes),
      String(r.relations),
      ms(r.api.ms.median),
      ms(r.api.ms.p95),
      ms(r.api.ms.max),
      `${kb(r.api.jsonBytes)} (${r.api.gzipBytes ? kb(r.api.gzipBytes) : "n/a"})`,
      ms(r.page.median.ttfbMs),
      ms(r.page.median.renderedMs),
      ms(r.page.median.interactiveMs),
      ms(r.page.median.clickToSelectedMs),
      ms(r.page.median.longTasksBeforeRenderedMs),
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(`\nMap benchmark (${environment.cpus}, ${environment.memoryGb} GB, Node ${environment.node}, Chromium ${environment.chromium})`);
  console.log(`Load average ${environment.loadAverage.before} before, ${environment.loadAverage.after} after (${os.cpus().length} CPUs): other work on the machine inflates every figure.`);
  console.log(`API: ${API_REQUESTS} sequential requests after ${API_WARMUP} warm-up. Page: median of ${PAGE_LOADS} loads, times from navigation start.\n`);
  console.log(line(table[0]!));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table.slice(1)) console.log(line(row));

  const target = rows.find((r) => r.nodes === TARGETS.apiP95Ms.nodes);
  console.log("\nTargets:");
  if (target) {
    const apiMet = target.api.ms.p95 < TARGETS.apiP95Ms.below;
    const worst = Math.max(target.page.median.renderedMs, target.page.median.interactiveMs);
    const pageMet = worst < TARGETS.pageMs.below;
    console.log(`  ${TARGETS.apiP95Ms.text}: ${ms(target.api.ms.p95)} (${apiMet ? "met" : "missed"})`);
    console.log(
      `  ${TARGETS.pageMs.text}: rendered ${ms(target.page.median.renderedMs)}, interactive ${ms(target.page.median.interactiveMs)} (${pageMet ? "met" : "missed"})`,
    );
  }
  console.log("\nrendered: statements visible and fitView applied; interactive: a click on a node has selected it;");
  console.log("click→sel: from the click's input event to the selection; long tasks: main-thread tasks > 50 ms before rendered, summed.");
}

await runBenchmark(main);
