import { IArgument, IEquivalenceClass, RangeType, type IArgdownResponse, type IRange, type IStatement } from "@argdown/core";

import { NODE_KINDS, PERSPECTIVES, type TNodeKind, type TPerspective } from "@/lib/schemas/domain";
import { xmlSafeText } from "@/lib/schemas/text";

import { isRecord, plural, type ImportNotes } from "../import-notes";
import { ZNodeData, type TPortableNode, type TPortableSource } from "../portable";

const MAX_TEXT = 5000;

/** A node before its kind and sources are known (they follow from the relations kept). */
export type Draft = Omit<TPortableNode, "kind"> & { declaredKind: TNodeKind | null; isArgument: boolean; perspectives: TPerspective[]; restored: string[] };

export type NodeDrafts = {
  drafts: Draft[];
  /** Node key by statement title, and by argument title. */
  statementKey: Map<string, string>;
  argumentKey: Map<string, string>;
  /** Arguments the export wrote for a linked group (no nodes): their group key by title. */
  linkedGroupOf: Map<string, string>;
};

/** Keys of a data block the import reads itself; the others stay on the node as they are. */
const READ_KEYS = new Set(["kind", "perspective", "sources"]);

/** Text as the app stores it: one line, single spaces, nothing the shared text checks refuse (rows stored before they held may carry some). */
export function cleanText(text: string): string {
  return xmlSafeText(text).replace(/\s+/g, " ").trim();
}

export function isPerspective(value: unknown): value is TPerspective {
  return typeof value === "string" && (PERSPECTIVES as readonly string[]).includes(value);
}

const isPerspectiveTag = (r: IRange) => r.type === RangeType.TAG && r.tag !== undefined && isPerspective(r.tag.toLowerCase());

/**
 * A member's text as the map keeps it: perspective tags taken out, and each
 * Markdown link followed by its address, "the report (https://…)", since the
 * map's text has no links (range stops are inclusive).
 */
function memberText(statement: IStatement | undefined): string | undefined {
  if (!statement?.text) return statement?.text;
  const edits = (statement.ranges ?? []).filter((r) => isPerspectiveTag(r) || (r.type === RangeType.LINK && r.url)).sort((a, b) => b.start - a.start);
  let text = statement.text;
  for (const r of edits) {
    if (r.type === RangeType.TAG) text = `${text.slice(0, r.start)} ${text.slice(r.stop + 1)}`;
    else if (text.slice(r.start, r.stop + 1).trim() !== r.url) text = `${text.slice(0, r.stop + 1)} (${r.url})${text.slice(r.stop + 1)}`;
  }
  return text;
}

/** Offsets where each line of the file starts (line 1 at index 0). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

type Located = { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };

/** The passage of the file where a statement or description is written, trimmed; null when Argdown gives no location. */
function anchorOf(member: Located | undefined, text: string, starts: number[]): TPortableNode["anchor"] {
  if (!member?.startLine || !member.startColumn || !member.endLine || !member.endColumn) return null;
  const startLine = starts[member.startLine - 1];
  const endLine = starts[member.endLine - 1];
  if (startLine === undefined || endLine === undefined) return null;
  let start = startLine + member.startColumn - 1;
  let end = Math.min(text.length, endLine + member.endColumn);
  // Argdown's location of a statement takes in the relations and comments indented under it: stop before them.
  const childLine = /\n[ \t]*(?:<?[+-]|[+-]>|><|_>|<_|_[ \t]|<!--|\/\/|\/\*)/g;
  childLine.lastIndex = start;
  const child = childLine.exec(text);
  if (child && child.index < end) end = child.index;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** What the import tells about the nodes as a whole, counted while drafting them. */
type Tally = { untitled: number; cut: number; dataLeftOut: number; unknownPerspectives: Set<string> };

/** Perspectives a node names: its data's `perspective` (one or a list) and its perspective tags. */
function perspectivesOf(data: unknown, tags: string[] | undefined, tally: Tally): TPerspective[] {
  const found: TPerspective[] = [];
  const add = (value: unknown) => {
    const v = typeof value === "string" ? value.trim().toLowerCase() : value;
    if (isPerspective(v)) {
      if (!found.includes(v)) found.push(v);
    } else tally.unknownPerspectives.add(String(value));
  };
  if (isRecord(data) && data.perspective !== undefined && data.perspective !== null) {
    for (const value of Array.isArray(data.perspective) ? data.perspective : [data.perspective]) add(value);
  }
  for (const tag of tags ?? []) if (isPerspective(tag.toLowerCase())) add(tag);
  return found;
}

/** Values one data block may hold, and how deep: YAML aliases let a short block stand for a value too large to copy. */
const MAX_DATA_VALUES = 2000;
const MAX_DATA_DEPTH = 16;
const TOO_LARGE = Symbol("too large");

/** A YAML value as JSON (dates as ISO strings, what JSON cannot hold dropped), or TOO_LARGE once the budget is spent. */
function plainJson(value: unknown, budget: { values: number }, depth: number): unknown {
  if (--budget.values < 0 || depth > MAX_DATA_DEPTH) return TOO_LARGE;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (!Array.isArray(value) && !isRecord(value)) return undefined;
  const entries: [string, unknown][] = [];
  for (const [key, child] of Object.entries(value)) {
    const plain = plainJson(child, budget, depth + 1);
    if (plain === TOO_LARGE) return TOO_LARGE;
    entries.push([key, Array.isArray(value) ? (plain ?? null) : plain]);
  }
  if (Array.isArray(value)) return entries.map(([, v]) => v);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

/** The data block's fields the import does not read, as JSON; null when none or when they do not fit. */
function keptData(data: unknown, tally: Tally): TPortableNode["data"] {
  if (!isRecord(data)) return null;
  const own = Object.fromEntries(Object.entries(data).filter(([key]) => !READ_KEYS.has(key)));
  if (Object.keys(own).length === 0) return null;
  const plain = plainJson(own, { values: MAX_DATA_VALUES }, 0);
  const kept = plain === TOO_LARGE ? null : ZNodeData.safeParse(plain);
  if (kept?.success) return kept.data;
  tally.dataLeftOut++;
  return null;
}

type Written = { key: string; text: string | undefined; title: string; data: unknown; tags: string[] | undefined; location: Located | undefined; isArgument: boolean };

function draftOf(written: Written, file: { text: string; starts: number[]; restoredSources: Map<string, TPortableSource> }, tally: Tally): Draft {
  const { key, data } = written;
  let text = cleanText(written.text ?? "");
  if (text.length === 0) {
    text = cleanText(written.title);
    tally.untitled++;
  }
  if (text.length > MAX_TEXT) {
    text = `${text.slice(0, MAX_TEXT - 1)}…`;
    tally.cut++;
  }
  const declared = isRecord(data) && typeof data.kind === "string" ? data.kind.trim().toLowerCase() : null;
  const restored = isRecord(data) && Array.isArray(data.sources) ? data.sources.filter((k): k is string => typeof k === "string" && file.restoredSources.has(k)) : [];
  const nodeData = keptData(data, tally);
  return {
    key,
    text,
    attributedTo: null,
    anchor: anchorOf(written.location, file.text, file.starts),
    sourceKeys: [],
    status: "approved",
    author: null,
    team: null,
    ...(nodeData ? { data: nodeData } : {}),
    declaredKind: declared !== null && (NODE_KINDS as readonly string[]).includes(declared) ? (declared as TNodeKind) : null,
    isArgument: written.isArgument,
    perspectives: perspectivesOf(data, written.tags, tally),
    restored: [...new Set(restored)],
  };
}

/** Arguments the export wrote for a linked group: `<Linked n> {linkedGroup: key}` without a premise-conclusion structure. */
function exportedLinkedGroups(response: IArgdownResponse): Map<string, string> {
  const linkedGroupOf = new Map<string, string>();
  for (const a of Object.values(response.arguments ?? {})) {
    const group = isRecord(a.data) ? a.data.linkedGroup : undefined;
    if (a.title && a.pcs.length === 0 && typeof group === "string" && group.trim().length > 0 && group.length <= 180) {
      linkedGroupOf.set(a.title, group.trim());
    }
  }
  return linkedGroupOf;
}

function tell(tally: Tally, notes: ImportNotes): void {
  const { untitled, cut, dataLeftOut, unknownPerspectives } = tally;
  if (untitled) notes.repair(`${plural(untitled, "statement or argument", "statements or arguments")} without text took ${untitled === 1 ? "its" : "their"} title as text.`);
  if (cut) notes.repair(`${plural(cut, "text")} longer than ${MAX_TEXT} characters ${cut === 1 ? "was" : "were"} cut to fit.`);
  if (dataLeftOut) notes.repair(`${plural(dataLeftOut, "data block")} too large or too deeply nested to keep ${dataLeftOut === 1 ? "was" : "were"} left out.`);
  notes.drop("data block", dataLeftOut);
  if (unknownPerspectives.size) {
    notes.repair(`Unknown perspective${unknownPerspectives.size === 1 ? "" : "s"} ${[...unknownPerspectives].map((p) => `“${p}”`).join(", ")} ${unknownPerspectives.size === 1 ? "was" : "were"} ignored; the app knows armenian, azerbaijani and neutral.`);
  }
}

/**
 * A node for every statement (an equivalence class: its canonical member's
 * text, else its title) and every argument (its description, else its
 * title), but for the arguments that stand for an exported linked group.
 */
export function nodeDrafts(response: IArgdownResponse, text: string, restoredSources: Map<string, TPortableSource>, notes: ImportNotes): NodeDrafts {
  const file = { text, starts: lineStarts(text), restoredSources };
  const tally: Tally = { untitled: 0, cut: 0, dataLeftOut: 0, unknownPerspectives: new Set() };
  const linkedGroupOf = exportedLinkedGroups(response);
  const drafts: Draft[] = [];
  const statementKey = new Map<string, string>();
  const argumentKey = new Map<string, string>();
  Object.values(response.statements ?? {}).forEach((ec, i) => {
    const key = `statement-${i + 1}`;
    statementKey.set(ec.title ?? "", key);
    const canonical = IEquivalenceClass.getCanonicalMember(ec);
    drafts.push(draftOf({ key, text: memberText(canonical), title: ec.title ?? key, data: ec.data, tags: ec.tags, location: canonical ?? ec.members[0], isArgument: false }, file, tally));
  });
  Object.values(response.arguments ?? {}).forEach((a, i) => {
    if (a.title && linkedGroupOf.has(a.title)) return;
    const key = `argument-${i + 1}`;
    argumentKey.set(a.title ?? "", key);
    const description = IArgument.getCanonicalMember(a);
    drafts.push(draftOf({ key, text: memberText(description), title: a.title ?? key, data: a.data, tags: a.tags, location: description ?? a, isArgument: true }, file, tally));
  });
  tell(tally, notes);
  return { drafts, statementKey, argumentKey, linkedGroupOf };
}
