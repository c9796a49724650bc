"use client";

import { useState } from "react";

import { exportSvg } from "@/lib/export/export-view";
import { downloadBlob, pngScale, svgToPng } from "@/lib/export/png";

import { useMapStore } from "@/components/map-store/map-store-provider";

/** Image and data downloads of the map, or of the argument tree under the selected node. */
export function ExportMenu() {
  const doc = useMapStore((s) => s.doc);
  const filters = useMapStore((s) => s.filters);
  const selectedId = useMapStore((s) => s.selectedId);
  const [scope, setScope] = useState<"map" | "tree">("map");
  const [message, setMessage] = useState("");
  const slug = doc.debate.slug;
  const rootId = scope === "tree" ? selectedId : null;

  async function exportImage(format: "png" | "svg") {
    setMessage("Preparing the image…");
    try {
      const image = exportSvg(doc, { filters, rootId, date: new Date().toISOString().slice(0, 10) });
      const name = `${slug}${rootId ? "-tree" : ""}.${format}`;
      const blob = format === "svg" ? new Blob([image.svg], { type: "image/svg+xml" }) : await svgToPng(image.svg, image.width, image.height);
      downloadBlob(blob, name);
      const scale = pngScale(image.width, image.height);
      // Said, so that nobody prints a blurred handout without knowing the SVG has every detail.
      const density = format === "png" && scale < 1 ? ` It is drawn at ${scale.toFixed(2)}× as the map is too large for a sharper PNG; the SVG keeps every detail.` : "";
      setMessage(`Saved ${name} (${image.nodeCount} statements).${density}`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The image could not be made.");
    }
  }

  return (
    <details className="export-menu">
      <summary>Export</summary>
      <div className="export-menu__body">
        <fieldset>
          <legend>What</legend>
          <label>
            <input type="radio" name="export-scope" checked={scope === "map"} onChange={() => setScope("map")} /> Whole map
          </label>
          <label>
            <input type="radio" name="export-scope" checked={scope === "tree"} disabled={!selectedId} onChange={() => setScope("tree")} /> Argument tree under the selected statement
          </label>
        </fieldset>
        <div className="export-menu__buttons">
          <button type="button" className="button" onClick={() => void exportImage("png")} disabled={scope === "tree" && !selectedId}>
            Image (PNG)
          </button>
          <button type="button" className="button" onClick={() => void exportImage("svg")} disabled={scope === "tree" && !selectedId}>
            Image (SVG)
          </button>
        </div>
        <p className="export-menu__hint">Images follow the filters that are on. Data files hold the whole debate:</p>
        <div className="export-menu__buttons">
          <a className="button" href={`/api/debates/${slug}/export?format=json`} download>
            JSON
          </a>
          <a className="button" href={`/api/debates/${slug}/export?format=aif`} download>
            AIF
          </a>
          <a className="button" href={`/api/debates/${slug}/export?format=argdown`} download>
            Argdown
          </a>
        </div>
        <p role="status" aria-live="polite" className="export-menu__hint">
          {message}
        </p>
      </div>
    </details>
  );
}
