import { layoutMap, type Layout, type Point } from "@/lib/graph/layout";
import { ATTRIBUTION_CHARS_PER_LINE, HEADER, LINE_HEIGHT, NODE_WIDTH, attributionText, nodeBox, wrapLines } from "@/lib/graph/node-size";
import { perspectivesOf } from "@/lib/graph/perspectives";
import { NODE_KINDS, PERSPECTIVES, type TNodeKind, type TPerspective, type TRelationType } from "@/lib/schemas/domain";
import type { TMapDocument } from "@/lib/schemas/map";
import { xmlSafeText } from "@/lib/schemas/text";
import { KIND_GLYPH, KIND_LABEL, PERSPECTIVE_LABEL, PERSPECTIVE_SHORT } from "@/lib/labels";
import { KIND_COLOUR, PALETTE, PERSPECTIVE_COLOUR, RELATION_COLOUR } from "@/lib/palette";

export type SvgOptions = {
  debateTitle: string;
  articleTitle: string;
  /** The day the image was made, YYYY-MM-DD. */
  date: string;
  /** Said in the legend when filters left parts of the map out. */
  filterNote: string | null;
  /** Set when the image is the argument tree under one node. */
  rootText: string | null;
};

const KIND_STYLE: Record<TNodeKind, { stroke: string; fill: string; width: number; radius: number }> = {
  thesis: { ...KIND_COLOUR.thesis, width: 3, radius: 14 },
  claim: { ...KIND_COLOUR.claim, width: 2, radius: 10 },
  premise: { ...KIND_COLOUR.premise, width: 1.5, radius: 2 },
  rebuttal: { ...KIND_COLOUR.rebuttal, width: 2, radius: 0 },
};
const RELATION_STYLE: Record<TRelationType, { stroke: string; dash: string | null; marker: string }> = {
  supports: { stroke: RELATION_COLOUR.supports, dash: null, marker: "arrow-supports" },
  attacks: { stroke: RELATION_COLOUR.attacks, dash: "7 4", marker: "arrow-attacks" },
};
const MARGIN = 40;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif"`;

/** Escapes markup, and drops what XML cannot hold, which rows stored before text was checked may carry. */
const escape = (text: string) => xmlSafeText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The map as a standalone SVG laid out for reading and printing: every node
 * with its full text, every relation as one typed path, and a header with the
 * debate, the article, the date and a legend. Pure, so the browser and the
 * command-line export make the same image.
 */
export function renderMapSvg(doc: TMapDocument, options: SvgOptions): string {
  const perspectiveBySource = new Map(doc.sources.map((s) => [s.id, s.perspective]));
  const boxes = new Map(doc.nodes.map((n) => [n.id, nodeBox(n.text, n.attributedTo, true)]));
  const layout = layoutMap(doc.nodes.map((n) => ({ id: n.id, ...boxes.get(n.id)! })), doc.relations);
  const positions = layout.positions;
  const xs = doc.nodes.map((n) => positions.get(n.id)!.x);
  const ys = doc.nodes.map((n) => positions.get(n.id)!.y);
  const minX = Math.min(0, ...xs);
  const minY = Math.min(0, ...ys);
  const mapWidth = Math.max(0, ...doc.nodes.map((n) => positions.get(n.id)!.x + NODE_WIDTH)) - minX;
  const mapHeight = Math.max(0, ...doc.nodes.map((n) => positions.get(n.id)!.y + boxes.get(n.id)!.height)) - minY;

  const header = headerSvg(options);
  const width = Math.max(mapWidth, header.width) + 2 * MARGIN;
  const top = MARGIN + header.height;
  const shift = (p: Point) => ({ x: p.x - minX + MARGIN, y: p.y - minY + top });

  const edges = doc.relations
    .filter((r) => positions.has(r.fromId) && positions.has(r.toId))
    .map((r) => {
      const style = RELATION_STYLE[r.type];
      const path = edgePath(layout, r.fromId, r.toId, boxes, shift);
      return `<g class="relation relation--${r.type}"><path data-relation-id="${r.id}" d="${path.d}" fill="none" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""} marker-end="url(#${style.marker})"/><text x="${path.label.x}" y="${path.label.y}" font-size="11" font-weight="600" text-anchor="middle" fill="${style.stroke}" paint-order="stroke" stroke="${PALETTE.paper}" stroke-width="4">${r.groupId ? `linked ${r.type}` : r.type}</text></g>`;
    });
  const nodes = doc.nodes.map((n) => {
    const p = shift(positions.get(n.id)!);
    return nodeSvg(n.id, n.kind, n.text, n.attributedTo, perspectivesOf(n, perspectiveBySource), p, boxes.get(n.id)!.height);
  });

  const height = top + mapHeight + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" ${FONT}>`,
    `<title>${escape(options.debateTitle)}</title>`,
    `<defs>${marker("arrow-supports", RELATION_COLOUR.supports, true)}${marker("arrow-attacks", RELATION_COLOUR.attacks, false)}</defs>`,
    `<rect width="100%" height="100%" fill="${PALETTE.paper}"/>`,
    header.svg,
    `<g class="relations">${edges.join("")}</g>`,
    `<g class="nodes">${nodes.join("")}</g>`,
    `</svg>`,
  ].join("\n");
}

function marker(id: string, colour: string, filled: boolean): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10${filled ? " z" : ""}" fill="${filled ? colour : "none"}" stroke="${colour}" stroke-width="1.6"/></marker>`;
}

/** Same geometry rules as the canvas: between rows upward curves, neighbours side to side, stacked rows from their side. */
function edgePath(layout: Layout, fromId: string, toId: string, boxes: Map<string, { height: number }>, shift: (p: Point) => Point): { d: string; label: Point } {
  const from = shift(layout.positions.get(fromId)!);
  const to = shift(layout.positions.get(toId)!);
  const fromH = boxes.get(fromId)!.height;
  const toH = boxes.get(toId)!.height;
  const row = layout.rowOf.get(fromId);
  const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 4 });
  if (layout.outlined.has(fromId)) {
    const start = { x: from.x, y: from.y + 16 };
    const end = { x: to.x, y: to.y + 16 };
    const spine = Math.min(start.x, end.x) - 14;
    return { d: `M${start.x},${start.y} L${spine},${start.y} L${spine},${end.y} L${end.x},${end.y}`, label: { x: start.x + 40, y: start.y - 22 } };
  }
  if (layout.stacked.has(fromId)) {
    const start = { x: from.x, y: from.y + fromH / 2 };
    const end = { x: to.x + NODE_WIDTH / 2, y: to.y + toH };
    const spine = start.x - 16;
    return { d: `M${start.x},${start.y} L${spine},${start.y} L${spine},${end.y + 20} L${end.x},${end.y + 20} L${end.x},${end.y}`, label: { x: spine, y: start.y - 6 } };
  }
  if (row && row === layout.rowOf.get(toId)) {
    const distance = row.indexOf(fromId) - row.indexOf(toId);
    if (Math.abs(distance) === 1) {
      const start = { x: distance > 0 ? from.x : from.x + NODE_WIDTH, y: from.y + 30 };
      const end = { x: distance > 0 ? to.x + NODE_WIDTH : to.x, y: to.y + 30 };
      return { d: `M${start.x},${start.y} L${end.x},${end.y}`, label: mid(start, end) };
    }
    const start = { x: from.x + NODE_WIDTH / 2, y: from.y };
    const end = { x: to.x + NODE_WIDTH / 2, y: to.y };
    const lift = Math.min(start.y, end.y) - 24;
    return { d: `M${start.x},${start.y} L${start.x},${lift} L${end.x},${lift} L${end.x},${end.y}`, label: { x: (start.x + end.x) / 2, y: lift - 4 } };
  }
  const below = from.y > to.y;
  const start = { x: from.x + NODE_WIDTH / 2, y: below ? from.y : from.y + fromH };
  const end = { x: to.x + NODE_WIDTH / 2, y: below ? to.y + toH : to.y };
  const bend = (end.y - start.y) / 2;
  return { d: `M${start.x},${start.y} C${start.x},${start.y + bend} ${end.x},${end.y - bend} ${end.x},${end.y}`, label: mid(start, end) };
}

function textLines(lines: string[], x: number, y: number, attributes: string): string {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * LINE_HEIGHT}" ${attributes}>${escape(line)}</text>`).join("");
}

function nodeSvg(id: string, kind: TNodeKind, text: string, attributedTo: string | null, perspectives: TPerspective[], p: Point, height: number): string {
  const style = KIND_STYLE[kind];
  const shape =
    kind === "thesis"
      ? `<rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${height}" rx="${style.radius}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"/><rect x="${p.x + 3}" y="${p.y + 3}" width="${NODE_WIDTH - 6}" height="${height - 6}" rx="${style.radius - 3}" fill="none" stroke="${style.stroke}" stroke-width="1.5"/>`
      : `<rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${height}" rx="${style.radius}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.width}"/>` +
        (kind === "rebuttal" ? `<rect x="${p.x}" y="${p.y}" width="7" height="${height}" fill="${style.stroke}"/>` : "");
  const badges = perspectives
    .map((perspective, i) => {
      const x = p.x + NODE_WIDTH - 12 - (perspectives.length - i) * 36;
      const colour = PERSPECTIVE_COLOUR[perspective];
      return `<rect x="${x}" y="${p.y + 7}" width="32" height="15" rx="3" fill="${PALETTE.paper}" stroke="${colour}"${perspective === "neutral" ? ' stroke-dasharray="3 2"' : ""}/><text x="${x + 16}" y="${p.y + 18}" font-size="9.5" font-weight="700" text-anchor="middle" fill="${colour}">${PERSPECTIVE_SHORT[perspective]}</text>`;
    })
    .join("");
  const textTop = p.y + HEADER + 12;
  const lines = wrapLines(text);
  const attribution = attributedTo ? textLines(wrapLines(attributionText(attributedTo), ATTRIBUTION_CHARS_PER_LINE), p.x + 12, textTop + lines.length * LINE_HEIGHT, `font-size="11" font-style="italic" fill="${PALETTE.muted}"`) : "";
  return `<g class="node node--${kind}" data-node-id="${id}">${shape}<text x="${p.x + 12}" y="${p.y + 19}" font-size="11" font-weight="700" fill="${style.stroke}" letter-spacing="0.5">${KIND_GLYPH[kind]} ${KIND_LABEL[kind].toUpperCase()}</text>${badges}${textLines(lines, p.x + 12, textTop, `font-size="13" fill="${PALETTE.ink}"`)}${attribution}</g>`;
}

function headerSvg(options: SvgOptions): { svg: string; width: number; height: number } {
  const lines = [
    `<text x="${MARGIN}" y="${MARGIN + 10}" font-size="22" font-weight="700" fill="${PALETTE.ink}">${escape(options.debateTitle)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 34}" font-size="13" fill="${PALETTE.muted}">Article: ${escape(options.articleTitle)} · Exported ${options.date}${options.rootText ? ` · Argument tree under: ${escape(options.rootText.length > 80 ? `${options.rootText.slice(0, 80)}…` : options.rootText)}` : ""}</text>`,
  ];
  const y = MARGIN + 56;
  let x = MARGIN;
  const legend: string[] = [];
  for (const kind of NODE_KINDS) {
    const style = KIND_STYLE[kind];
    legend.push(`<rect x="${x}" y="${y}" width="18" height="14" rx="${Math.min(style.radius, 5)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.width}"/><text x="${x + 24}" y="${y + 11}" font-size="12" fill="${PALETTE.ink}">${KIND_GLYPH[kind]} ${KIND_LABEL[kind]}</text>`);
    x += 110;
  }
  for (const type of ["supports", "attacks"] as const) {
    const style = RELATION_STYLE[type];
    legend.push(`<line x1="${x}" y1="${y + 7}" x2="${x + 34}" y2="${y + 7}" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""} marker-end="url(#${style.marker})"/><text x="${x + 42}" y="${y + 11}" font-size="12" fill="${PALETTE.ink}">${type}${type === "supports" ? " (solid)" : " (dashed)"}</text>`);
    x += 150;
  }
  for (const perspective of PERSPECTIVES) {
    const colour = PERSPECTIVE_COLOUR[perspective];
    legend.push(`<rect x="${x}" y="${y}" width="32" height="15" rx="3" fill="${PALETTE.paper}" stroke="${colour}"${perspective === "neutral" ? ' stroke-dasharray="3 2"' : ""}/><text x="${x + 16}" y="${y + 11}" font-size="9.5" font-weight="700" text-anchor="middle" fill="${colour}">${PERSPECTIVE_SHORT[perspective]}</text><text x="${x + 38}" y="${y + 11}" font-size="12" fill="${PALETTE.ink}">${PERSPECTIVE_LABEL[perspective]} source</text>`);
    x += 175;
  }
  let height = 90;
  if (options.filterNote) {
    legend.push(`<text x="${MARGIN}" y="${y + 36}" font-size="12" font-style="italic" fill="${PALETTE.error}">${escape(options.filterNote)}</text>`);
    height += 24;
  }
  return { svg: `<g class="header">${lines.join("")}<g class="legend">${legend.join("")}</g></g>`, width: x - MARGIN, height };
}
