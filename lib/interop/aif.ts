import { z } from "zod";

import { TANGLED_SUPPORTS_MESSAGE, relationProblems } from "@/lib/graph/semantics";
import type { TNodeKind } from "@/lib/schemas/domain";
import { UNSAFE_TEXT_MESSAGE, isCleanText } from "@/lib/schemas/text";

import { fileTitle, importedFileSource, type TImportOptions } from "./import-options";
import {
  ImportError,
  PORTABLE_SCHEMA_VERSION,
  validPortable,
  type TImportReport,
  type TPortableDebate,
  type TPortableNode,
  type TPortableRelation,
} from "./portable";

/**
 * The Argument Interchange Format as JSON (AIFdb, OVA): I-nodes are
 * statements, RA-nodes inferences (premises -> RA -> conclusion), CA-nodes
 * conflicts (attacker -> CA -> attacked), MA-nodes rephrases; L, YA and TA
 * nodes model the dialogue (locutions, illocutions, transitions), which the
 * app does not keep. xAIF puts the same object under "AIF".
 *
 * Pure: no DB, no Node-only API, so it runs in the browser too.
 */

const MAX_TEXT = 5000;
const MAX_ARTICLE = 500_000;
const SOURCE_KEY = "imported-file";

const ZAifId = z
  .union([z.string().trim().min(1, "must not be empty").max(150, "has more than 150 characters"), z.number().int()], {
    error: "must be a string or an integer",
  })
  .transform(String);

const ZAifNode = z
  .looseObject({
    nodeID: ZAifId,
    type: z.string({ error: "must be a string such as \"I\" or \"RA\"" }).trim().min(1, "must not be empty"),
    text: z.string({ error: "must be a string" }).optional(),
  })
  .superRefine((node, ctx) => {
    if (node.type === "I" && node.text === undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "is missing (an I-node needs its text)" });
  });

const ZAifEdge = z.looseObject({ edgeID: ZAifId, fromID: ZAifId, toID: ZAifId });

const ZAif = z.looseObject({
  nodes: z.array(ZAifNode, { error: "must be a list of nodes" }),
  edges: z.array(ZAifEdge, { error: "must be a list of edges" }),
  locutions: z.array(z.unknown(), { error: "must be a list" }).optional(),
});

type AifNode = z.infer<typeof ZAifNode>;

/** Scheme nodes that become relations; every other non-I type is dropped. */
const INFERENCE = "RA";
const CONFLICT = "CA";

// ---------------------------------------------------------------------------
// Parsing

/** Where JSON.parse gave up, found by a small scanner since engines word (and place) it differently. */
function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        const e = text[i];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else if (c < " ") fail();
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c)) {
      if (!number.test(text)) fail();
      i = number.lastIndex;
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return null;
  } catch (offset) {
    if (typeof offset === "number") return offset;
    throw offset;
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}

function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim().length === 0) throw new ImportError("The file is empty; an AIF file is a JSON object with \"nodes\" and \"edges\".");
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`The file is not valid JSON, so it cannot be AIF (AIF is a JSON format): ${detail}`, offset === null ? undefined : lineAndColumn(body, offset));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The AIF object itself: the document, or its "AIF" member in xAIF. */
function aifObject(json: unknown): { aif: unknown; prefix: string } {
  if (isRecord(json) && isRecord(json.AIF)) return { aif: json.AIF, prefix: "AIF." };
  if (!isRecord(json) || (!("nodes" in json) && !("edges" in json))) {
    const found = isRecord(json) ? `an object with ${Object.keys(json).length ? `the key${Object.keys(json).length === 1 ? "" : "s"} ${Object.keys(json).slice(0, 5).map((k) => `"${k}"`).join(", ")}` : "no keys"}` : Array.isArray(json) ? "a list" : `a ${json === null ? "null" : typeof json}`;
    throw new ImportError(`This JSON is not AIF: AIF is an object with a "nodes" list and an "edges" list (or xAIF, with them under "AIF"), but the file holds ${found}.`);
  }
  return { aif: json, prefix: "" };
}

function validate(json: unknown): z.infer<typeof ZAif> {
  const { aif, prefix } = aifObject(json);
  const parsed = ZAif.safeParse(aif);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [list, index, ...field] = issue.path;
  const raw = isRecord(aif) ? aif[String(list)] : undefined;
  if ((list === "nodes" || list === "edges") && typeof index === "number" && Array.isArray(raw)) {
    const item: unknown = raw[index];
    const idField = list === "nodes" ? "nodeID" : "edgeID";
    const id = isRecord(item) && (typeof item[idField] === "string" || typeof item[idField] === "number") ? String(item[idField]) : null;
    const what = list === "nodes" ? "Node" : "Edge";
    const name = field.length ? `"${field.map(String).join(".")}"` : "entry";
    const message = field.length ? `field ${name} ${issue.message}` : `must be an object with ${list === "nodes" ? "nodeID, type and text" : "edgeID, fromID and toID"}`;
    throw new ImportError(`${what} ${index + 1} of "${prefix}${list}" is not valid AIF: ${message}.`, id !== null ? `${idField} ${id}` : `${prefix}${list}[${index}]`);
  }
  throw new ImportError(`This JSON is not AIF: "${prefix}${issue.path.map(String).join(".")}" ${issue.message}.`);
}

// ---------------------------------------------------------------------------
// AIF -> portable

function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

type Candidate = TPortableRelation & { scheme: string };

/** Statements and relations from AIF JSON (or xAIF), with a report of what was kept, dropped and repaired. */
export function aifToPortable(text: string, options: TImportOptions): { debate: TPortableDebate; report: TImportReport } {
  const aif = validate(parseJson(text));
  const repairs: string[] = [];
  const dropped: Record<string, number> = {};

  // Nodes: unique ids; I-nodes become statements, RA and CA relations, the rest is dropped.
  const byId = new Map<string, AifNode>();
  for (const node of aif.nodes) {
    if (byId.has(node.nodeID)) throw new ImportError(`Two nodes have the id ${node.nodeID}; node ids must be unique, so edges to it are ambiguous.`, `nodeID ${node.nodeID}`);
    byId.set(node.nodeID, node);
  }

  const statements = new Map<string, { key: string; text: string }>();
  for (const node of aif.nodes) {
    if (node.type !== "I") {
      if (node.type !== INFERENCE && node.type !== CONFLICT) dropped[`${node.type}-node`] = (dropped[`${node.type}-node`] ?? 0) + 1;
      continue;
    }
    let statement = (node.text ?? "").trim();
    if (!isCleanText(statement)) throw new ImportError(`I-node ${node.nodeID}: ${UNSAFE_TEXT_MESSAGE}`, `node ${node.nodeID}`);
    if (statement.length === 0) {
      repairs.push(`I-node ${node.nodeID} has no text, so it was left out with its links.`);
      continue;
    }
    if (statement.length > MAX_TEXT) {
      repairs.push(`I-node ${node.nodeID} had ${statement.length} characters; it was cut to ${MAX_TEXT}, the most a statement holds.`);
      statement = `${statement.slice(0, MAX_TEXT - 1)}…`;
    }
    statements.set(node.nodeID, { key: `aif-${node.nodeID}`, text: statement });
  }
  if (statements.size === 0) throw new ImportError("The AIF file has no I-nodes with text, so there is no statement to import.");

  // Edges: skip dangling ones, index the rest by endpoint.
  const incoming = new Map<string, { edgeID: string; other: string }[]>();
  const outgoing = new Map<string, { edgeID: string; other: string }[]>();
  let dialogueEdges = 0;
  for (const edge of aif.edges) {
    const missing = [edge.fromID, edge.toID].filter((id) => !byId.has(id));
    if (missing.length) {
      repairs.push(`Edge ${edge.edgeID} (${edge.fromID} -> ${edge.toID}) points at ${missing.map((id) => `node ${id}`).join(" and ")}, which the file does not have; the edge was skipped.`);
      continue;
    }
    const from = byId.get(edge.fromID)!;
    const to = byId.get(edge.toID)!;
    const kept = (t: string) => t === "I" || t === INFERENCE || t === CONFLICT;
    if (!kept(from.type) || !kept(to.type)) dialogueEdges++;
    if (from.type === "I" && to.type === "I") {
      repairs.push(`Edge ${edge.edgeID} links two I-nodes (${edge.fromID} -> ${edge.toID}) without an RA- or CA-node between them, so it says neither support nor attack; it was skipped.`);
      continue;
    }
    incoming.set(edge.toID, [...(incoming.get(edge.toID) ?? []), { edgeID: edge.edgeID, other: edge.fromID }]);
    outgoing.set(edge.fromID, [...(outgoing.get(edge.fromID) ?? []), { edgeID: edge.edgeID, other: edge.toID }]);
  }

  // Scheme nodes in file order: the relations they stand for, before checks.
  const candidates: Candidate[] = [];
  const isScheme = (type: string) => type === INFERENCE || type === CONFLICT;
  for (const node of aif.nodes) {
    if (node.type === "MA") {
      const from = (incoming.get(node.nodeID) ?? []).map((e) => statements.get(e.other)).filter((s) => s !== undefined);
      const to = (outgoing.get(node.nodeID) ?? []).map((e) => statements.get(e.other)).filter((s) => s !== undefined);
      const said = from[0] && to[0] ? ` (${quote(to[0].text)} rephrases ${quote(from[0].text)})` : "";
      repairs.push(`MA-node ${node.nodeID}${said} was left out: the app has no rephrase link, and reading it as support would be wrong, so both statements stay on the map unlinked.`);
      continue;
    }
    if (node.type !== INFERENCE && node.type !== CONFLICT) continue;
    const label = `${node.type}-node ${node.nodeID}`;
    const premises: string[] = [];
    for (const e of incoming.get(node.nodeID) ?? []) {
      const other = byId.get(e.other)!;
      if (statements.has(e.other)) {
        if (!premises.includes(e.other)) premises.push(e.other);
      } else if (isScheme(other.type)) {
        repairs.push(`Edge ${e.edgeID} runs from ${other.type}-node ${e.other} into ${label}; the app links statements only, not inferences or conflicts, so it was skipped.`);
      }
    }
    const conclusions: string[] = [];
    for (const e of outgoing.get(node.nodeID) ?? []) {
      const other = byId.get(e.other)!;
      if (statements.has(e.other)) {
        if (!conclusions.includes(e.other)) conclusions.push(e.other);
      } else if (isScheme(other.type)) {
        repairs.push(`Edge ${e.edgeID} runs from ${label} to ${other.type}-node ${e.other}; the app links statements only, not inferences or conflicts (an undercut has no place on the map), so it was skipped.`);
      }
    }
    const role = node.type === INFERENCE ? { premise: "premise", conclusion: "conclusion" } : { premise: "attacker", conclusion: "attacked statement" };
    if (premises.length === 0 || conclusions.length === 0) {
      const lacks = [premises.length === 0 ? `no ${role.premise}` : null, conclusions.length === 0 ? `no ${role.conclusion}` : null].filter(Boolean).join(" and ");
      repairs.push(`${label} has ${lacks} among the statements, so it links nothing and was skipped.`);
      continue;
    }
    const target = conclusions[0]!;
    if (conclusions.length > 1) {
      repairs.push(`${label} has ${conclusions.length} ${role.conclusion}s; AIF allows one, so only the first (I-node ${target}) was kept.`);
    }
    if (node.type === CONFLICT && premises.length > 1) {
      repairs.push(`${label} has ${premises.length} attackers; the app has no linked attacks, so each attacks I-node ${target} on its own.`);
    }
    const group = node.type === INFERENCE && premises.length > 1 ? `aif-${node.nodeID}` : null;
    premises.forEach((premise, i) => {
      candidates.push({
        key: `aif-${node.nodeID}-${i + 1}`,
        from: statements.get(premise)!.key,
        to: statements.get(target)!.key,
        type: node.type === INFERENCE ? "supports" : "attacks",
        group,
        status: "approved",
        scheme: label,
      });
    });
  }
  if (dialogueEdges) repairs.push(`${dialogueEdges} edge${dialogueEdges === 1 ? "" : "s"} to or from dropped nodes (locutions, illocutions, transitions, rephrases, preferences) ${dialogueEdges === 1 ? "was" : "were"} left out with them.`);

  // The app's rules: no self-links, one relation per pair, no circular support.
  // Relations are taken in file order, so the one that closes a cycle is the one dropped.
  const textOf = new Map([...statements.values()].map((s) => [s.key, s.text]));
  const problems = relationProblems(candidates.map((c) => ({ fromId: c.from, toId: c.to, type: c.type })));
  if (!problems) throw new ImportError(`The file's relations cannot be imported. ${TANGLED_SUPPORTS_MESSAGE}`);
  const relations: TPortableRelation[] = [];
  for (const [i, { scheme, ...candidate }] of candidates.entries()) {
    const problem = problems[i];
    if (problem) {
      repairs.push(`The relation ${candidate.key} from ${scheme} (${quote(textOf.get(candidate.from)!)} ${candidate.type} ${quote(textOf.get(candidate.to)!)}) was dropped: ${problem.message}`);
      continue;
    }
    relations.push(candidate);
  }
  // A linked group that lost all but one premise is no longer linked.
  const groupSize = new Map<string, number>();
  for (const r of relations) if (r.group) groupSize.set(r.group, (groupSize.get(r.group) ?? 0) + 1);
  for (const r of relations) {
    if (r.group && groupSize.get(r.group) === 1) {
      repairs.push(`The relation ${r.key} was the only premise of its linked group left, so it supports on its own.`);
      r.group = null;
    }
  }

  // Kinds follow from the kept relations.
  const attacks = new Set(relations.filter((r) => r.type === "attacks").map((r) => r.from));
  const supports = new Set(relations.filter((r) => r.type === "supports").map((r) => r.from));
  const targets = new Set(relations.map((r) => r.to));
  const kindOf = (key: string): TNodeKind => {
    if (attacks.has(key)) return "rebuttal";
    if (supports.has(key)) return targets.has(key) ? "claim" : "premise";
    return targets.has(key) ? "thesis" : "premise";
  };

  // The article is the file: its statements, joined by blank lines; each statement is anchored in it.
  let article = "";
  const nodes: TPortableNode[] = [];
  for (const { key, text: statement } of statements.values()) {
    if (article) article += "\n\n";
    const start = article.length;
    article += statement;
    nodes.push({ key, kind: kindOf(key), text: statement, attributedTo: null, anchor: { start, end: article.length }, sourceKeys: [SOURCE_KEY], status: "approved", author: null, team: null });
  }
  if (article.length > MAX_ARTICLE) throw new ImportError(`The statements together have ${article.length} characters, more than an article holds (${MAX_ARTICLE}).`);

  const title = fileTitle(options.fileName);
  repairs.unshift(
    `AIF has no sources: all ${nodes.length} statement${nodes.length === 1 ? "" : "s"} cite the imported file “${title}”, which is also the debate's article (the statements' texts joined by blank lines, each statement anchored in it).`,
  );

  const debate: TPortableDebate = {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title, description: `Imported from the AIF file “${title}”.`, moderationMode: "open", phase: "open", anonymous: false },
    article: { title, author: null, publisher: null, publishedAt: null, url: null, perspective: options.perspective, text: article },
    sources: [importedFileSource(options, SOURCE_KEY)],
    nodes,
    relations,
    teams: [],
    revisions: [],
  };
  return { debate: validPortable(debate), report: { format: "aif", nodes: nodes.length, relations: relations.length, dropped, repairs } };
}

// ---------------------------------------------------------------------------
// portable -> AIF

type OutNode = { nodeID: string; text: string; type: "I" | "RA" | "CA" };
type OutEdge = { edgeID: string; fromID: string; toID: string };

/**
 * AIF JSON of the approved part of a debate: an I-node per statement, an
 * RA-node per support (one per linked group, with all its premises) and a
 * CA-node per attack. Ids are numbers in document order, so the same debate
 * always gives the same file.
 */
export function portableToAif(debate: TPortableDebate): string {
  const nodes: OutNode[] = [];
  const edges: OutEdge[] = [];
  const idOf = new Map<string, string>();
  for (const node of debate.nodes) {
    if (node.status !== "approved" || idOf.has(node.key)) continue;
    const nodeID = String(nodes.length + 1);
    idOf.set(node.key, nodeID);
    nodes.push({ nodeID, text: node.text, type: "I" });
  }

  // Supports sharing a group and a target become one RA; every other relation its own scheme node.
  const schemes = new Map<string, { type: "RA" | "CA"; premises: string[]; conclusion: string }>();
  for (const r of debate.relations) {
    const from = idOf.get(r.from);
    const to = idOf.get(r.to);
    if (r.status !== "approved" || from === undefined || to === undefined) continue;
    const id = r.type === "supports" && r.group ? `group\u0000${r.group}\u0000${to}` : `relation\u0000${r.key}`;
    const scheme = schemes.get(id) ?? { type: r.type === "supports" ? "RA" : "CA", premises: [], conclusion: to };
    if (!scheme.premises.includes(from)) scheme.premises.push(from);
    schemes.set(id, scheme);
  }
  for (const scheme of schemes.values()) {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text: scheme.type === "RA" ? "Default Inference" : "Default Conflict", type: scheme.type });
    for (const premise of scheme.premises) edges.push({ edgeID: String(edges.length + 1), fromID: premise, toID: nodeID });
    edges.push({ edgeID: String(edges.length + 1), fromID: nodeID, toID: scheme.conclusion });
  }
  return `${JSON.stringify({ nodes, edges, locutions: [] }, null, 2)}\n`;
}
