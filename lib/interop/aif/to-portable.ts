import type { TNodeKind } from "@/lib/schemas/domain";
import { UNSAFE_TEXT_MESSAGE, isCleanText } from "@/lib/schemas/text";

import { fileTitle, importedFileSource, type TImportOptions } from "../import-options";
import { ImportNotes, quote } from "../import-notes";
import { ImportError, PORTABLE_SCHEMA_VERSION, validPortable, type TImportReport, type TPortableDebate, type TPortableNode, type TPortableRelation } from "../portable";
import { DROPPED_AS, fileRelationProblems, unlinkLoneMembers } from "../relation-rules";

import { readAif, type TAif, type TAifNode } from "./parse";

const MAX_TEXT = 5000;
const MAX_ARTICLE = 500_000;
const SOURCE_KEY = "imported-file";

/** Scheme nodes that become relations; every other non-I type is dropped. */
const INFERENCE = "RA";
const CONFLICT = "CA";
const isScheme = (type: string) => type === INFERENCE || type === CONFLICT;

type Statement = { key: string; text: string };
type Link = { edgeID: string; other: string };
/** The file's nodes by id, its statements (I-nodes with text) by id, and its edges by endpoint. */
type Graph = { byId: Map<string, TAifNode>; statements: Map<string, Statement>; incoming: Map<string, Link[]>; outgoing: Map<string, Link[]>; dialogueEdges: number };
type Candidate = TPortableRelation & { scheme: string };

function nodesById(aif: TAif): Map<string, TAifNode> {
  const byId = new Map<string, TAifNode>();
  for (const node of aif.nodes) {
    if (byId.has(node.nodeID)) throw new ImportError(`Two nodes have the id ${node.nodeID}; node ids must be unique, so edges to it are ambiguous.`, `nodeID ${node.nodeID}`);
    byId.set(node.nodeID, node);
  }
  return byId;
}

/** I-nodes become statements, RA and CA nodes relations; the rest is dropped, counted by type. */
function statementsOf(aif: TAif, notes: ImportNotes): Map<string, Statement> {
  const statements = new Map<string, Statement>();
  for (const node of aif.nodes) {
    if (node.type !== "I") {
      if (!isScheme(node.type)) notes.drop(`${node.type}-node`);
      continue;
    }
    let text = (node.text ?? "").trim();
    if (!isCleanText(text)) throw new ImportError(`I-node ${node.nodeID}: ${UNSAFE_TEXT_MESSAGE}`, `node ${node.nodeID}`);
    if (text.length === 0) {
      notes.repair(`I-node ${node.nodeID} has no text, so it was left out with its links.`);
      continue;
    }
    if (text.length > MAX_TEXT) {
      notes.repair(`I-node ${node.nodeID} had ${text.length} characters; it was cut to ${MAX_TEXT}, the most a statement holds.`);
      text = `${text.slice(0, MAX_TEXT - 1)}…`;
    }
    statements.set(node.nodeID, { key: `aif-${node.nodeID}`, text });
  }
  if (statements.size === 0) throw new ImportError("The AIF file has no I-nodes with text, so there is no statement to import.");
  return statements;
}

/** Edges by endpoint, but for dangling ones and those between two I-nodes, which say neither support nor attack. */
function graphOf(aif: TAif, notes: ImportNotes): Graph {
  const graph: Graph = { byId: nodesById(aif), statements: statementsOf(aif, notes), incoming: new Map(), outgoing: new Map(), dialogueEdges: 0 };
  const kept = (type: string) => type === "I" || isScheme(type);
  for (const edge of aif.edges) {
    const missing = [edge.fromID, edge.toID].filter((id) => !graph.byId.has(id));
    if (missing.length) {
      notes.repair(`Edge ${edge.edgeID} (${edge.fromID} -> ${edge.toID}) points at ${missing.map((id) => `node ${id}`).join(" and ")}, which the file does not have; the edge was skipped.`);
      continue;
    }
    const from = graph.byId.get(edge.fromID)!;
    const to = graph.byId.get(edge.toID)!;
    if (!kept(from.type) || !kept(to.type)) graph.dialogueEdges++;
    if (from.type === "I" && to.type === "I") {
      notes.repair(`Edge ${edge.edgeID} links two I-nodes (${edge.fromID} -> ${edge.toID}) without an RA- or CA-node between them, so it says neither support nor attack; it was skipped.`);
      continue;
    }
    graph.incoming.set(edge.toID, [...(graph.incoming.get(edge.toID) ?? []), { edgeID: edge.edgeID, other: edge.fromID }]);
    graph.outgoing.set(edge.fromID, [...(graph.outgoing.get(edge.fromID) ?? []), { edgeID: edge.edgeID, other: edge.toID }]);
  }
  return graph;
}

/** A rephrase is left out, said with the two statements it joins. */
function tellRephrase(node: TAifNode, graph: Graph, notes: ImportNotes): void {
  const from = (graph.incoming.get(node.nodeID) ?? []).map((e) => graph.statements.get(e.other)).filter((s) => s !== undefined);
  const to = (graph.outgoing.get(node.nodeID) ?? []).map((e) => graph.statements.get(e.other)).filter((s) => s !== undefined);
  const said = from[0] && to[0] ? ` (${quote(to[0].text)} rephrases ${quote(from[0].text)})` : "";
  notes.repair(`MA-node ${node.nodeID}${said} was left out: the app has no rephrase link, and reading it as support would be wrong, so both statements stay on the map unlinked.`);
}

/** The statements at one side of a scheme node; edges from or to other scheme nodes (undercuts) are skipped and said. */
function schemeEnds(node: TAifNode, side: "incoming" | "outgoing", graph: Graph, notes: ImportNotes): { ends: string[]; undercuts: number } {
  const label = `${node.type}-node ${node.nodeID}`;
  const ends: string[] = [];
  let undercuts = 0;
  for (const e of graph[side].get(node.nodeID) ?? []) {
    const other = graph.byId.get(e.other)!;
    if (graph.statements.has(e.other)) {
      if (!ends.includes(e.other)) ends.push(e.other);
    } else if (isScheme(other.type)) {
      undercuts++;
      notes.repair(
        side === "incoming"
          ? `Edge ${e.edgeID} runs from ${other.type}-node ${e.other} into ${label}; the app links statements only, not inferences or conflicts, so it was skipped.`
          : `Edge ${e.edgeID} runs from ${label} to ${other.type}-node ${e.other}; the app links statements only, not inferences or conflicts (an undercut has no place on the map), so it was skipped.`,
      );
    }
  }
  return { ends, undercuts };
}

/** The relations one RA- or CA-node stands for: each premise (or attacker) to its first conclusion (or attacked statement). */
function schemeRelations(node: TAifNode, graph: Graph, notes: ImportNotes): Candidate[] {
  const label = `${node.type}-node ${node.nodeID}`;
  const premises = schemeEnds(node, "incoming", graph, notes);
  const conclusions = schemeEnds(node, "outgoing", graph, notes);
  const role = node.type === INFERENCE ? { premise: "premise", conclusion: "conclusion" } : { premise: "attacker", conclusion: "attacked statement" };
  if (premises.ends.length === 0 || conclusions.ends.length === 0) {
    const lacks = [premises.ends.length === 0 ? `no ${role.premise}` : null, conclusions.ends.length === 0 ? `no ${role.conclusion}` : null].filter(Boolean).join(" and ");
    notes.repair(`${label} has ${lacks} among the statements, so it links nothing and was skipped.`);
    notes.drop(premises.undercuts + conclusions.undercuts > 0 ? "relation to a node the app cannot represent" : "incomplete relation");
    return [];
  }
  const target = conclusions.ends[0]!;
  if (conclusions.ends.length > 1) {
    notes.repair(`${label} has ${conclusions.ends.length} ${role.conclusion}s; AIF allows one, so only the first (I-node ${target}) was kept.`);
    notes.drop("relation to a further conclusion", premises.ends.length * (conclusions.ends.length - 1));
  }
  if (node.type === CONFLICT && premises.ends.length > 1) {
    notes.repair(`${label} has ${premises.ends.length} attackers; the app has no linked attacks, so each attacks I-node ${target} on its own.`);
  }
  const group = node.type === INFERENCE && premises.ends.length > 1 ? `aif-${node.nodeID}` : null;
  const type = node.type === INFERENCE ? "supports" : "attacks";
  return premises.ends.map((premise, i) => ({
    key: `aif-${node.nodeID}-${i + 1}`,
    from: graph.statements.get(premise)!.key,
    to: graph.statements.get(target)!.key,
    type,
    group,
    status: "approved",
    scheme: label,
  }));
}

/**
 * The app's rules over the scheme nodes' relations in file order, so the one
 * that closes a cycle is the one dropped; a linked group left with one
 * premise is no longer linked.
 */
function keepRelations(candidates: Candidate[], graph: Graph, notes: ImportNotes): TPortableRelation[] {
  const textOf = new Map([...graph.statements.values()].map((s) => [s.key, s.text]));
  const problems = fileRelationProblems(candidates);
  const relations: TPortableRelation[] = [];
  for (const [i, { scheme, ...candidate }] of candidates.entries()) {
    const problem = problems[i];
    if (problem) {
      notes.drop(DROPPED_AS[problem.kind]);
      notes.repair(`The relation ${candidate.key} from ${scheme} (${quote(textOf.get(candidate.from)!)} ${candidate.type} ${quote(textOf.get(candidate.to)!)}) was dropped: ${problem.message}`);
      continue;
    }
    relations.push(candidate);
  }
  for (const sentence of unlinkLoneMembers(relations, (r) => `The relation ${r.key} was the only premise of its linked group left, so it supports on its own.`)) notes.repair(sentence);
  return relations;
}

/** Kinds follow from the kept relations. */
function kindsFrom(relations: TPortableRelation[]): (key: string) => TNodeKind {
  const attacks = new Set(relations.filter((r) => r.type === "attacks").map((r) => r.from));
  const supports = new Set(relations.filter((r) => r.type === "supports").map((r) => r.from));
  const targets = new Set(relations.map((r) => r.to));
  return (key) => {
    if (attacks.has(key)) return "rebuttal";
    if (supports.has(key)) return targets.has(key) ? "claim" : "premise";
    return targets.has(key) ? "thesis" : "premise";
  };
}

/** The article is the file: its statements, joined by blank lines; each statement is anchored in it. */
function articleOf(statements: Map<string, Statement>, kindOf: (key: string) => TNodeKind): { article: string; nodes: TPortableNode[] } {
  let article = "";
  const nodes: TPortableNode[] = [];
  for (const { key, text } of statements.values()) {
    if (article) article += "\n\n";
    const start = article.length;
    article += text;
    nodes.push({ key, kind: kindOf(key), text, attributedTo: null, anchor: { start, end: article.length }, sourceKeys: [SOURCE_KEY], status: "approved", author: null, team: null });
  }
  if (article.length > MAX_ARTICLE) throw new ImportError(`The statements together have ${article.length} characters, more than an article holds (${MAX_ARTICLE}).`);
  return { article, nodes };
}

/**
 * The Argument Interchange Format as JSON (AIFdb, OVA): I-nodes are
 * statements, RA-nodes inferences (premises -> RA -> conclusion), CA-nodes
 * conflicts (attacker -> CA -> attacked), MA-nodes rephrases; L, YA and TA
 * nodes model the dialogue (locutions, illocutions, transitions), which the
 * app does not keep. xAIF puts the same object under "AIF". Statements and
 * relations come with a report of what was kept, dropped and repaired.
 */
export function aifToPortable(text: string, options: TImportOptions): { debate: TPortableDebate; report: TImportReport } {
  const aif = readAif(text);
  const notes = new ImportNotes();
  const graph = graphOf(aif, notes);
  const candidates: Candidate[] = [];
  for (const node of aif.nodes) {
    if (node.type === "MA") tellRephrase(node, graph, notes);
    else if (isScheme(node.type)) candidates.push(...schemeRelations(node, graph, notes));
  }
  const { dialogueEdges: n } = graph;
  if (n) notes.repair(`${n} edge${n === 1 ? "" : "s"} to or from dropped nodes (locutions, illocutions, transitions, rephrases, preferences) ${n === 1 ? "was" : "were"} left out with them.`);
  const relations = keepRelations(candidates, graph, notes);
  const { article, nodes } = articleOf(graph.statements, kindsFrom(relations));
  const title = fileTitle(options.fileName);
  notes.repairs.unshift(
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
  return { debate: validPortable(debate), report: { format: "aif", nodes: nodes.length, relations: relations.length, dropped: notes.dropped, repairs: notes.repairs } };
}
