// The image export command (scripts/export.ts), bundled as `npm run export`
// bundles it and run as a child process against this file's test database.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { insertMap } from "@/prisma/seed/insert-map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { seedOtherDebate } from "@/test/session";

const ROOT = process.cwd();
const SLUG = "lachin-crisis";
const SUBTREE_ROOT = "cannot-coexist";
/** Largest side of a PNG (lib/export/png.ts): wider maps get less than 2x. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64_000_000;
/** Chromium starts, lays out and screenshots: far slower than a route handler. */
const SLOW = 180_000;
/** Theses of the wide debate, each with a supporter below and an attacker beside it. */
const WIDE_UNITS = 30;

const { debate: seedDebate, map } = readLachinSeed();
let prisma: PrismaClient;
let out: string;
let other: Awaited<ReturnType<typeof seedOtherDebate>>;
/** Database ids of the seeded nodes, by seed key. */
const idOf = new Map<string, string>();
/** Database relations of the Lachin debate. */
let relations: { id: string; fromId: string; toId: string; type: string }[];

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, env, timeout: SLOW, maxBuffer: 10_000_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const CLI = [process.execPath, "--conditions=react-server", ".next/cli/export.mjs"] as const;

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
  delete env.EXPORT_TIMING;
  return env;
}

/** The bundle, run as `npm run export -- ...` runs it, against the test database. */
function exportCli(...args: string[]): Promise<Run> {
  return run(CLI[0], [...CLI.slice(1), ...args], cliEnv());
}

async function exportOk(...args: string[]): Promise<Run> {
  const result = await exportCli(...args);
  expect(result.code, `${result.stderr}\n${result.stdout}`).toBe(0);
  return result;
}

/** The esbuild command of the "export" script in package.json, run with the local esbuild. */
function buildArguments(): string[] {
  const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.export!;
  const [command, ...args] = script.split("&&").map((part) => part.trim()).find((part) => part.startsWith("esbuild "))!.split(/\s+/);
  expect(command).toBe("esbuild");
  return args;
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The seed keys of the node and of everything that reaches it through relations. */
function subtreeKeys(root: string): Set<string> {
  const kept = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const key = stack.pop()!;
    if (kept.has(key)) continue;
    kept.add(key);
    for (const r of map.relations) if (r.to === key) stack.push(r.from);
  }
  return kept;
}

type SvgInfo = { width: number; height: number; nodes: Map<string, string>; relationIds: string[] };

/** What the SVG shows: its size, each node's text (its lines joined) and each relation path's id. */
function readSvg(svg: string): SvgInfo {
  const size = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  expect(size, svg.slice(0, 300)).not.toBeNull();
  const nodes = new Map<string, string>();
  for (const [, id, body] of svg.matchAll(/<g class="node node--\w+" data-node-id="([^"]+)">(.*?)<\/g>/g)) {
    const lines = [...body!.matchAll(/<text [^>]*font-size="13" fill="#1d232b">([^<]*)<\/text>/g)].map((m) => m[1]);
    nodes.set(id!, lines.join(" "));
  }
  const relationIds = [...svg.matchAll(/<path data-relation-id="([^"]+)"/g)].map((m) => m[1]!);
  return { width: Number(size![1]), height: Number(size![2]), nodes, relationIds };
}

/** Checks the SVG shows exactly these nodes, with their full texts, and one path per relation among them. */
function expectSvgShows(svg: string, keys: Set<string>): SvgInfo {
  const info = readSvg(svg);
  const ids = new Set([...keys].map((k) => idOf.get(k)!));
  expect([...info.nodes.keys()].sort()).toEqual([...ids].sort());
  for (const node of map.nodes.filter((n) => keys.has(n.key))) {
    expect(info.nodes.get(idOf.get(node.key)!), node.key).toBe(xml(node.text.split(/\s+/).join(" ")));
    expect(svg).toContain(xml(node.text.split(/\s+/)[0]!));
  }
  const expected = relations.filter((r) => ids.has(r.fromId) && ids.has(r.toId)).map((r) => r.id);
  expect(info.relationIds.sort()).toEqual(expected.sort());
  expect(new Set(info.relationIds).size).toBe(info.relationIds.length);
  // Title, header and legend.
  expect(svg).toContain(`<title>${xml(seedDebate.title)}</title>`);
  expect(svg).toContain(`font-weight="700" fill="#1d232b">${xml(seedDebate.title)}</text>`);
  expect(svg).toContain(`Article: ${xml(seedDebate.article.title)}`);
  const legend = /<g class="legend">(.*?)<\/g><\/g>/.exec(svg)?.[1] ?? "";
  for (const label of ["Thesis", "Claim", "Premise", "Rebuttal", "supports (solid)", "attacks (dashed)", "Armenian source", "Azerbaijani source", "Neutral source"]) {
    expect(legend, label).toContain(label);
  }
  return info;
}

/** Checks the PNG is the SVG at 2x (less where a side would pass the cap), drawn, with green and red edges. */
function expectPngOf(file: string, svg: { width: number; height: number }) {
  const png = PNG.sync.read(readFileSync(file));
  const scale = Math.min(2, MAX_SIDE / svg.width, MAX_SIDE / svg.height, Math.sqrt(MAX_PIXELS / (svg.width * svg.height)));
  expect(Math.abs(png.width - svg.width * scale), `width ${png.width} for ${svg.width}`).toBeLessThanOrEqual(2);
  expect(Math.abs(png.height - svg.height * scale), `height ${png.height} for ${svg.height}`).toBeLessThanOrEqual(2);
  expect(png.width).toBeLessThanOrEqual(MAX_SIDE);
  expect(png.height).toBeLessThanOrEqual(MAX_SIDE);

  let notWhite = 0;
  let green = 0;
  let red = 0;
  /** Drawn pixels in each tenth of the width, to see that no part was cut off. */
  const bands = Array.from({ length: 10 }, () => 0);
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a < 200) continue;
    if (r < 245 || g < 245 || b < 245) {
      notWhite++;
      bands[Math.floor((((i / 4) % png.width) * 10) / png.width)]!++;
    }
    // Supports are drawn #2e7d32, attacks #b3261e.
    if (g > r + 40 && g > b + 40) green++;
    if (r > g + 80 && r > b + 80) red++;
  }
  const pixels = png.width * png.height;
  const bandPixels = pixels / 10;
  return { notWhite: notWhite / pixels, green, red, pixels, bands: bands.map((n) => Math.round((n / bandPixels) * 1000) / 1000) };
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  const build = await run(path.join(ROOT, "node_modules/.bin/esbuild"), buildArguments());
  expect(build.code, build.stderr).toBe(0);
  expect(existsSync(path.join(ROOT, ".next/cli/export.mjs"))).toBe(true);

  expect(await seedLachin(prisma)).toBe(true);
  other = await seedOtherDebate(prisma);
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
  const nodes = await prisma.node.findMany({ where: { debateId: debate.id }, select: { id: true, text: true } });
  for (const node of map.nodes) idOf.set(node.key, nodes.find((n) => n.text === node.text)!.id);
  relations = await prisma.relation.findMany({ where: { debateId: debate.id }, select: { id: true, fromId: true, toId: true, type: true } });
  out = mkdtempSync(path.join(tmpdir(), "argmap-export-test-"));
}, SLOW);

afterAll(async () => {
  await prisma.$disconnect();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("npm run export: the whole map", () => {
  let svg: SvgInfo;

  it(
    "writes an SVG with every node's text, one path per relation, the title and the legend",
    async () => {
      const file = path.join(out, "lachin.svg");
      const result = await exportOk("--debate", SLUG, "--format", "svg", "--out", file);
      const text = readFileSync(file, "utf8");
      svg = expectSvgShows(text, new Set(map.nodes.map((n) => n.key)));
      expect(svg.nodes.size).toBe(49);
      expect(svg.relationIds).toHaveLength(50);
      expect(result.stdout).toContain(`${file}: 49 statements, ${svg.width}×${svg.height}`);
      expect(text).not.toContain("Argument tree under");
    },
    SLOW,
  );

  it(
    "runs without NEXTAUTH_SECRET in the environment, keying the map's author ids with the data folder's secret as the app does",
    async () => {
      const dataDir = path.join(out, "data");
      const env = { ...cliEnv(), DATA_DIR: dataDir };
      delete env.NEXTAUTH_SECRET;
      const file = path.join(out, "without-secret.svg");
      const result = await run(CLI[0], [...CLI.slice(1), "--debate", SLUG, "--format", "svg", "--out", file], env);
      expect(result.code, result.stderr).toBe(0);
      // The same image as with the secret set (but for the date, should the day change between the two runs).
      const undated = (svgFile: string) => readFileSync(svgFile, "utf8").replace(/\d{4}-\d{2}-\d{2}/g, "");
      expect(undated(file)).toBe(undated(path.join(out, "lachin.svg")));
      expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim().length).toBeGreaterThan(20);
    },
    SLOW,
  );

  it(
    "writes a PNG of about twice the SVG's size that is drawn, with green supports and red attacks",
    async () => {
      const file = path.join(out, "lachin.png");
      const result = await exportOk("--debate", SLUG, "--format", "png", "--out", file);
      expect(result.stdout).toContain(`${file}: 49 statements, ${svg.width}×${svg.height} (PNG at 2.00×)`);
      const pixels = expectPngOf(file, svg);
      expect(pixels.notWhite, JSON.stringify(pixels)).toBeGreaterThan(0.05);
      expect(pixels.green, JSON.stringify(pixels)).toBeGreaterThan(5000);
      expect(pixels.red, JSON.stringify(pixels)).toBeGreaterThan(5000);
    },
    SLOW,
  );
});

describe("npm run export --node: the argument tree under one node", () => {
  const keys = subtreeKeys(SUBTREE_ROOT);
  let svg: SvgInfo;

  it("has a subtree with supports and attacks, computed from the seed", () => {
    expect([...keys].sort()).toEqual(["cannot-coexist", "izaura-flight", "kvien-statement", "reintegration-opponents", "russia-impedes", "vardanyan-purge", "vardanyan-sent", "washington-2022"]);
    const inside = map.relations.filter((r) => keys.has(r.from) && keys.has(r.to));
    expect(inside.map((r) => r.type).sort()).toEqual(["attacks", "attacks", "supports", "supports", "supports", "supports", "supports"]);
  });

  it(
    "writes an SVG of exactly the node and what reaches it, named in the header",
    async () => {
      const file = path.join(out, "subtree.svg");
      const result = await exportOk("--debate", SLUG, "--node", idOf.get(SUBTREE_ROOT)!, "--format", "svg", "--out", file);
      const text = readFileSync(file, "utf8");
      svg = expectSvgShows(text, keys);
      expect(svg.relationIds).toHaveLength(7);
      const root = map.nodes.find((n) => n.key === SUBTREE_ROOT)!;
      expect(text).toContain(`Argument tree under: ${xml(root.text)}`);
      expect(result.stdout).toContain(`${file}: 8 statements, ${svg.width}×${svg.height}`);
    },
    SLOW,
  );

  it(
    "writes a PNG of the subtree at about twice the SVG's size, drawn, with green and red edges",
    async () => {
      const file = path.join(out, "subtree.png");
      await exportOk("--debate", SLUG, "--node", idOf.get(SUBTREE_ROOT)!, "--format", "png", "--out", file);
      const pixels = expectPngOf(file, svg);
      expect(pixels.notWhite, JSON.stringify(pixels)).toBeGreaterThan(0.05);
      expect(pixels.green, JSON.stringify(pixels)).toBeGreaterThan(2000);
      expect(pixels.red, JSON.stringify(pixels)).toBeGreaterThan(2000);
    },
    SLOW,
  );
});

describe("npm run export: a map too wide for 2x", () => {
  it(
    "caps the PNG's size (16384 px a side, 64 million pixels), keeping the SVG's proportions, and still draws it",
    async () => {
      const units = Array.from({ length: WIDE_UNITS }, (_, i) => i + 1);
      await insertMap(prisma, {
        slug: "wide-debate",
        title: "A very wide debate",
        description: "Many theses side by side.",
        article: { title: "Wide article", author: null, publisher: null, publishedAt: null, url: null, perspective: "neutral", text: "Wide." },
        sources: [],
        nodes: units.flatMap((i) => [
          { key: `thesis-${i}`, kind: "thesis" as const, text: `Thesis number ${i} of the wide debate.`, attributedTo: null, anchor: null, sourceKeys: ["article"] },
          { key: `premise-${i}`, kind: "premise" as const, text: `A premise for thesis ${i}.`, attributedTo: null, anchor: null, sourceKeys: ["article"] },
          { key: `rebuttal-${i}`, kind: "rebuttal" as const, text: `A rebuttal of thesis ${i}.`, attributedTo: null, anchor: null, sourceKeys: ["article"] },
        ]),
        relations: units.flatMap((i) => [
          { from: `premise-${i}`, to: `thesis-${i}`, type: "supports" as const, group: null },
          { from: `rebuttal-${i}`, to: `thesis-${i}`, type: "attacks" as const, group: null },
        ]),
      });
      const svgFile = path.join(out, "wide.svg");
      await exportOk("--debate", "wide-debate", "--format", "svg", "--out", svgFile);
      const svg = readSvg(readFileSync(svgFile, "utf8"));
      expect(svg.nodes.size).toBe(3 * WIDE_UNITS);
      expect(svg.relationIds).toHaveLength(2 * WIDE_UNITS);
      // Wider than 8192 px, so 2x would pass the cap.
      expect(svg.width).toBeGreaterThan(MAX_SIDE / 2);

      const pngFile = path.join(out, "wide.png");
      const result = await exportOk("--debate", "wide-debate", "--format", "png", "--out", pngFile);
      expect(result.stdout).toContain(`${3 * WIDE_UNITS} statements, ${svg.width}×${svg.height} (PNG at `);
      // The density it says is the one it drew at, below 2x.
      const said = Number(/\(PNG at (\d\.\d\d)×\)/.exec(result.stdout)?.[1]);
      expect(said).toBeLessThan(2);
      expect(said).toBeCloseTo(Math.min(MAX_SIDE / svg.width, MAX_SIDE / svg.height, Math.sqrt(MAX_PIXELS / (svg.width * svg.height))), 2);
      const pixels = expectPngOf(pngFile, svg);
      // Drawn from end to end: the right of the map is not cut off at the viewport's edge.
      for (const band of pixels.bands) expect(band, JSON.stringify(pixels.bands)).toBeGreaterThan(0.02);
      expect(pixels.notWhite, JSON.stringify(pixels)).toBeGreaterThan(0.05);
      expect(pixels.green, JSON.stringify(pixels)).toBeGreaterThan(1000);
      expect(pixels.red, JSON.stringify(pixels)).toBeGreaterThan(1000);
    },
    SLOW,
  );
});

describe("npm run export --all", () => {
  it(
    "writes one image per debate into the folder",
    async () => {
      const folder = path.join(out, "all");
      const result = await exportOk("--all", "--format", "svg", "--out", folder);
      expect(readdirSync(folder).sort()).toEqual([`${SLUG}.svg`, "other-debate.svg", "wide-debate.svg"]);
      expect(result.stdout).toContain("49 statements");
      expect(result.stdout).toContain("2 statements");
      expect(readFileSync(path.join(folder, "other-debate.svg"), "utf8")).toContain("The other debate's thesis.");
    },
    SLOW,
  );
});

/** The export's Chromium profile folders now in the temporary folder. */
const chromiumProfiles = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("argmap-chromium-")));

/** Processes (not yet reaped or not) whose command line names this folder: Chromium's, started with it as profile. */
function processesUsing(folder: string): string[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(folder);
      } catch {
        return false;
      }
    });
}

/** Starts a PNG export and sends it `signal` once its Chromium is starting; its exit code and Chromium's profile folder. */
async function stopMidway(signal: NodeJS.Signals): Promise<{ code: number | null; profile: string }> {
  const before = chromiumProfiles();
  const child = spawn(CLI[0], [...CLI.slice(1), "--debate", SLUG, "--format", "png", "--out", path.join(out, `stopped-${signal}.png`)], { cwd: ROOT, env: cliEnv(), stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let profile: string | undefined;
  while (!profile) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    profile = [...chromiumProfiles()].find((name) => !before.has(name));
  }
  child.kill(signal);
  return { code: await exited, profile: path.join(tmpdir(), profile) };
}

describe("npm run export: stopped midway", () => {
  it(
    "closes Chromium and removes its profile folder on SIGTERM or Ctrl-C",
    async () => {
      for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
        const stopped = await stopMidway(signal);
        expect(stopped.code, signal).toBe(code);
        expect(existsSync(stopped.profile), signal).toBe(false);
        expect(processesUsing(stopped.profile), signal).toEqual([]);
      }
    },
    SLOW,
  );

  it(
    "leaves no Chromium running when killed outright",
    async () => {
      const stopped = await stopMidway("SIGKILL");
      expect(stopped.code).toBeNull();
      // Chromium quits once its debugging pipe closes with the killed process.
      await expect.poll(() => processesUsing(stopped.profile), { timeout: 10_000 }).toEqual([]);
      rmSync(stopped.profile, { recursive: true, force: true });
    },
    SLOW,
  );
});

describe("npm run export: bad arguments", () => {
  it(
    "refuses a format other than png or svg",
    async () => {
      const file = path.join(out, "map.gif");
      const result = await exportCli("--debate", SLUG, "--format", "gif", "--out", file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("--format is png or svg.");
      expect(existsSync(file)).toBe(false);
    },
    SLOW,
  );

  it(
    "refuses a debate that does not exist",
    async () => {
      const file = path.join(out, "missing.svg");
      const result = await exportCli("--debate", "no-such-debate", "--format", "svg", "--out", file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('There is no debate "no-such-debate"');
      expect(existsSync(file)).toBe(false);
    },
    SLOW,
  );

  it(
    "refuses a node of another debate",
    async () => {
      const file = path.join(out, "other-node.png");
      const result = await exportCli("--debate", SLUG, "--node", other.thesisId, "--format", "png", "--out", file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`The debate "${SLUG}" has no statement ${other.thesisId} on its map.`);
      expect(existsSync(file)).toBe(false);
    },
    SLOW,
  );

  it(
    "refuses a node id that is not a UUID, and neither --debate nor --all",
    async () => {
      const notUuid = await exportCli("--debate", SLUG, "--node", "cannot-coexist", "--format", "svg", "--out", path.join(out, "x.svg"));
      expect(notUuid.code).not.toBe(0);
      expect(notUuid.stderr).toContain("--node takes a statement id (a UUID).");
      const neither = await exportCli("--format", "svg", "--out", path.join(out, "y.svg"));
      expect(neither.code).not.toBe(0);
      expect(neither.stderr).toContain("Give --debate <slug> or --all.");
    },
    SLOW,
  );
});
