/**
 * The PNG half of the export command, on its own thread: loading Playwright
 * and starting Chromium use the second core while the main thread reads and
 * lays out the map. Each message asks for one image, drawn and downloaded by
 * the page with the map page's own functions; "close" ends the thread.
 */
import { parentPort } from "node:worker_threads";

import { downloadBlob, type RasteriseJob, rasterisePng } from "@/lib/export/png";

import { startChromium } from "./lib/chromium";
import { cacheCompiledPackages } from "./lib/code-cache";

export type PngRequest = { job: RasteriseJob; file: string } | "close";
export type PngReply = { ok: true } | { ok: false; error: string };

const port = parentPort!;
const saveCompiledPackages = cacheCompiledPackages();
const launching = startChromium();
const drawing = launching.then(({ browser }) => browser.contexts()[0]!.pages()[0] ?? browser.contexts()[0]!.newPage());
drawing.catch(() => {});

port.on("message", (request: PngRequest) => {
  if (request === "close") {
    void launching
      .then((chromium) => chromium.close(), () => {})
      .then(saveCompiledPackages)
      .finally(() => port.close());
    return;
  }
  draw(request).then(
    () => port.postMessage({ ok: true } satisfies PngReply),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies PngReply),
  );
});

async function draw({ job, file }: { job: RasteriseJob; file: string }): Promise<void> {
  const page = await drawing;
  // Chromium writes the downloaded file itself: no megabytes of base64 through the protocol.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(
      async ([rasteriseSource, downloadSource, job]) => {
        const rasterise = new Function(`return (${rasteriseSource})`)() as typeof rasterisePng;
        const download = new Function(`return (${downloadSource})`)() as typeof downloadBlob;
        download(await rasterise(job), "map.png");
      },
      [rasterisePng.toString(), downloadBlob.toString(), job] as const,
    ),
  ]);
  await download.saveAs(file);
}
