/**
 * Image export at scale (part of `npm run bench`): synthetic debates of 200,
 * 1000 and 3000 statements exported as SVG and PNG by the export command
 * (whole process, as a person runs it), beside @argdown/cli 1.7.5 drawing the
 * Argdown export of the same debates as SVG (`argdown map -f svg`). Medians
 * of several runs taken in turns, in one run, so the ratio compares like with
 * like. Prints; never asserts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { portableToArgdown } from "@/lib/interop/argdown";
import { PORTABLE_SCHEMA_VERSION, type TPortableDebate } from "@/lib/interop/portable";
import { insertMap, type MapInput } from "@/prisma/seed/insert-map";

import { applyMigrations } from "./lib/migrate";
import { connect } from "./lib/prisma-client";
import { startScratchPostgres } from "./lib/scratch-postgres";
import { syntheticMap } from "./lib/synthetic-map";

const SIZES = [200, 1000, 3000];
const RUNS = 5;

/** The synthetic debate as the portable document its Argdown export is made from. */
function toPortable(map: MapInput): TPortableDebate {
  return {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: map.title, description: map.description, moderationMode: "open", phase: "open", anonymous: false },
    article: { ...map.article, publishedAt: null },
    sources: map.sources.map((s) => ({ key: s.key, title: s.title, author: null, publisher: s.publisher, url: s.url, publishedAt: null, quote: null, perspective: s.perspective, isArticle: false })),
    nodes: map.nodes.map((n) => ({ key: n.key, kind: n.kind, text: n.text, attributedTo: n.attributedTo, anchor: null, sourceKeys: n.sourceKeys.filter((k) => k !== "article"), status: "approved", author: null, team: null })),
    relations: map.relations.map((r, i) => ({ key: `r${i}`, from: r.from, to: r.to, type: r.type, group: r.group, status: "approved" })),
    teams: [],
    revisions: [],
  };
}

function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return ms;
}

/** Pixels of the PNG per unit of the SVG's width: the density the export chose. */
function pngDensity(png: string, svg: string): number {
  const pngWidth = readFileSync(png).readUInt32BE(16);
  const svgWidth = Number(/width="(\d+)"/.exec(readFileSync(svg, "utf8").slice(0, 500))![1]);
  return pngWidth / svgWidth;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Each command's median over RUNS rounds, each round running every command once. */
function medianInTurns<T extends (() => number)[]>(commands: [...T]): { [K in keyof T]: number } {
  const times: number[][] = commands.map(() => []);
  for (let round = 0; round < RUNS; round++) commands.forEach((command, i) => times[i]!.push(command()));
  return times.map(median) as { [K in keyof T]: number };
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "bench-export-"));
  const database = await startScratchPostgres();
  const rows: { size: number; svg: number; png: number; argdown: number; svgBytes: number; pngBytes: number; pngDensity: number }[] = [];
  try {
    await applyMigrations(database.url);
    const db = connect(database.url);
    const maps = SIZES.map((size) => syntheticMap({ nodes: size, slug: `export-${size}` }));
    for (const map of maps) await insertMap(db, map);
    await db.$disconnect();
    const env = { ...process.env, DATABASE_URL: database.url };
    // `npm run export` builds the bundle the timed runs below start directly, as its second half does.
    timeCommand("npm", ["run", "export", "--", "--debate", maps[0]!.slug, "--format", "svg", "--out", path.join(work, "build.svg")], env);
    for (const map of maps) {
      const size = map.nodes.length;
      const out = (format: string) => path.join(work, `${map.slug}.${format}`);
      const ours = (format: "svg" | "png") => () => timeCommand("node", ["--conditions=react-server", ".next/cli/export.mjs", "--debate", map.slug, "--format", format, "--out", out(format)], env);
      const argdownFile = path.join(work, `${map.slug}.argdown`);
      writeFileSync(argdownFile, portableToArgdown(toPortable(map)));
      const argdownOut = path.join(work, `argdown-${size}`);
      mkdirSync(argdownOut, { recursive: true });
      // Taken in turns, so that a change in the machine's load falls on all three alike.
      const [svg, png, argdown] = medianInTurns([ours("svg"), ours("png"), () => timeCommand("node_modules/.bin/argdown", ["map", "-f", "svg", argdownFile, argdownOut], env)]);
      rows.push({ size, svg, png, argdown, svgBytes: statSync(out("svg")).size, pngBytes: statSync(out("png")).size, pngDensity: pngDensity(out("png"), out("svg")) });
      console.log(`${size} statements: ours SVG ${seconds(svg)}, PNG ${seconds(png)}; Argdown SVG ${seconds(argdown)}`);
    }
  } finally {
    await database.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\nImage export, whole process, median of ${RUNS} (target: faster than Argdown's CLI at every size)`);
  console.log("statements | ours SVG | ours PNG | argdown SVG | SVG ratio | PNG ratio | PNG density");
  for (const r of rows) {
    console.log(`${String(r.size).padStart(10)} | ${seconds(r.svg).padStart(8)} | ${seconds(r.png).padStart(8)} | ${seconds(r.argdown).padStart(11)} | ${(r.svg / r.argdown).toFixed(2).padStart(9)} | ${(r.png / r.argdown).toFixed(2).padStart(9)} | ${`${r.pngDensity.toFixed(2)}×`.padStart(11)}`);
  }
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/export.json", JSON.stringify({ finishedAt: new Date().toISOString(), runs: RUNS, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
