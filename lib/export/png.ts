/**
 * PNG images of the map's SVG, shared by the map page and the command-line
 * export. rasterisePng and downloadBlob use nothing from outside their own
 * bodies, so the command-line export runs these very functions in Chromium.
 */

/** Largest canvas side Chromium and Firefox both draw reliably. */
const MAX_CANVAS_SIDE = 16_384;
/** Pixels beyond which drawing and encoding a PNG takes many seconds and gigabytes. */
const MAX_PIXELS = 64_000_000;

/** Offers `blob` to the person as a file download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The pixel density a PNG of this size gets: 2x, less only for maps too large to draw that finely. */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

/** Rasterises an SVG document to PNG in the browser, at pngScale density. */
export function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  return rasterisePng({ svg, width, height, scale: pngScale(width, height) });
}

export type RasteriseJob = { svg: string; width: number; height: number; scale: number };

/** Draws the SVG on a canvas and encodes it: one way to make a PNG, and far faster in Chromium than a page screenshot. */
export async function rasterisePng({ svg, width, height, scale }: RasteriseJob): Promise<Blob> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    // Opaque, as the image has a white background: the PNG has no alpha channel to store.
    const context = canvas.getContext("2d", { alpha: false });
    if (!context) throw new Error("This browser cannot draw the image.");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The image could not be encoded."))), "image/png"));
  } finally {
    URL.revokeObjectURL(image.src);
  }
}
