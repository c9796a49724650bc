/**
 * Exports maps as images without opening the app: the same SVG the map page
 * makes (lib/export), rasterised to PNG in Chromium by the same function.
 *   npm run export -- --debate <slug> [--node <id>] --format png|svg --out <file>
 *   npm run export -- --all --format png --out <folder>
 * Options: --perspectives armenian,neutral  --kinds claim,premise (filters, noted in the legend).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { NO_FILTERS, type MapFilters } from "@/lib/graph/filter-map";
import type { RasteriseJob } from "@/lib/client/download";
import { ZDebateSlug, ZNodeKind, ZPerspective } from "@/lib/schemas/domain";

import { openDatabase } from "./lib/database";
import { launchChromium } from "./lib/chromium";

const commaList = z.string().transform((value) => value.split(",").map((v) => v.trim()).filter(Boolean));

const ZOptions = z
  .object({
    debate: ZDebateSlug.optional(),
    all: z.boolean().default(false),
    node: z.uuid("--node takes a statement id (a UUID).").optional(),
    format: z.enum(["png", "svg"], { error: "--format is png or svg." }),
    out: z.string().min(1, "--out names the file (or, with --all, the folder) to write."),
    perspectives: commaList.pipe(z.array(ZPerspective).min(1)).optional(),
    kinds: commaList.pipe(z.array(ZNodeKind).min(1)).optional(),
  })
  .refine((o) => o.all !== Boolean(o.debate), "Give --debate <slug> or --all.")
  .refine((o) => !(o.all && o.node), "--node exports one debate's tree; it does not go with --all.");

async function main() {
  const started = performance.now();
  const lap = (what: string) => process.env.EXPORT_TIMING && console.error(`${what}: ${Math.round(performance.now() - started)} ms`);
  const { values } = parseArgs({
    options: { debate: { type: "string" }, all: { type: "boolean" }, node: { type: "string" }, format: { type: "string" }, out: { type: "string" }, perspectives: { type: "string" }, kinds: { type: "string" } },
  });
  const parsed = ZOptions.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const options = parsed.data;
  const filters: MapFilters = { ...NO_FILTERS, perspectives: options.perspectives ?? NO_FILTERS.perspectives, kinds: options.kinds ?? NO_FILTERS.kinds };

  lap("arguments");
  // Chromium starts first, and opens the page that draws every image, while the map is read and laid out.
  const launching = options.format === "png" ? launchChromium() : null;
  const drawing = launching?.then((browser) => browser.newPage());
  drawing?.catch(() => {});
  const database = await openDatabase();
  lap("database");
  process.env.DATABASE_URL = database.url;
  // Loaded after DATABASE_URL is set: the app's own queries and image code.
  const { getDebateMap } = await import("@/lib/server/debates/get-debate-map");
  const { findDebates } = await import("@/lib/server/debates/find-debates");
  const { exportSvg } = await import("@/lib/export/export-view");
  const { pngScale, rasterisePng } = await import("@/lib/client/download");
  const { db } = await import("@/lib/server/db");
  lap("modules");
  try {
    const slugs = options.all ? (await findDebates()).map((d) => d.slug) : [options.debate!];
    if (options.all) mkdirSync(options.out, { recursive: true });
    for (const slug of slugs) {
      const doc = await getDebateMap(slug);
      lap("map");
      if (options.node && !doc.nodes.some((n) => n.id === options.node)) throw new Error(`The debate "${slug}" has no statement ${options.node} on its map.`);
      const image = exportSvg(doc, { filters, rootId: options.node ?? null, date: new Date().toISOString().slice(0, 10) });
      lap("svg");
      const file = options.all ? path.join(options.out, `${slug}.${options.format}`) : options.out;
      let density = "";
      if (drawing) {
        const page = await drawing;
        const job: RasteriseJob = { svg: image.svg, width: image.width, height: image.height, scale: pngScale(image.width, image.height) };
        density = ` (PNG at ${job.scale.toFixed(2)}×)`;
        const dataUrl = await page.evaluate(
          async ([source, job]) => {
            const rasterise = new Function(`return (${source})`)() as typeof rasterisePng;
            const blob = await rasterise(job);
            return new Promise<string>((resolve, reject) => {
              const reader = new FileReader();
              reader.onload = () => resolve(reader.result as string);
              reader.onerror = () => reject(new Error("The PNG could not be read back from Chromium."));
              reader.readAsDataURL(blob);
            });
          },
          [rasterisePng.toString(), job] as const,
        );
        writeFileSync(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"));
        lap("png");
      } else {
        writeFileSync(file, image.svg);
      }
      console.log(`${file}: ${image.nodeCount} statements, ${image.width}×${image.height}${density}`);
    }
  } finally {
    await (await launching?.catch(() => null))?.close();
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
