import { ArgdownTypes, RelationType, StatementRole, isConclusion, type IArgdownResponse, type IArgument, type IInference, type IRelation, type RelationMember } from "@argdown/core";

import type { TRelationType } from "@/lib/schemas/domain";

import { isRecord, plural, quote, type ImportNotes } from "../import-notes";
import type { TPortableRelation } from "../portable";
import { DROPPED_AS, fileRelationProblems, unlinkLoneMembers } from "../relation-rules";

import type { Draft, NodeDrafts } from "./nodes";

/** A relation the file states, before the app's rules decide whether the map keeps it. */
type Candidate = { from: string; to: string; type: TRelationType; group: string | null; origin: string };

const relationTypeOf = (type: RelationType): TRelationType => (type === RelationType.SUPPORT || type === RelationType.ENTAILS ? "supports" : "attacks");

function relationText(r: IRelation): string {
  const end = (m: RelationMember | undefined) =>
    !m ? "?" : m.type === ArgdownTypes.ARGUMENT ? `<${m.title}>` : m.type === ArgdownTypes.EQUIVALENCE_CLASS ? `[${m.title}]` : `the inference of <${m.argumentTitle ?? "?"}>`;
  return `${end(r.from)} ${r.relationType} ${end(r.to)}`;
}

/** Keys for the linked groups of inference steps, none taken by an exported linked group. */
function groupKeys(taken: Set<string>): () => string {
  let groups = 0;
  return () => {
    let key = `pcs-${++groups}`;
    while (taken.has(key)) key = `pcs-${++groups}`;
    return key;
  };
}

/** True when an inference names rules or data (such as `uses`), which the app has no place for. */
const namesRules = (inference: IInference | undefined) =>
  inference !== undefined && ((inference.inferenceRules?.length ?? 0) > 0 || (isRecord(inference.data) && Object.keys(inference.data).length > 0));

/**
 * Supports from one premise-conclusion structure: the inputs of each
 * inference step (the premises since the previous conclusion, and that
 * conclusion) support its output, linked when 2 or more; the last step's
 * output is the argument, which supports the main conclusion. Returns how
 * many inferences named rules.
 */
function pcsSupports(a: IArgument, argKey: string, keys: NodeDrafts, newGroup: () => string, candidates: Candidate[]): number {
  const origin = `the premise-conclusion structure of <${a.title}>`;
  const support = (inputs: string[], to: string) => {
    const group = inputs.length >= 2 ? newGroup() : null;
    for (const from of inputs) candidates.push({ from, to, type: "supports", group, origin });
  };
  let rules = 0;
  let inputs: string[] = [];
  for (const s of a.pcs) {
    const key = keys.statementKey.get(s.title ?? "");
    if (!key) continue;
    if (!isConclusion(s)) {
      inputs.push(key);
      continue;
    }
    if (namesRules(s.inference)) rules++;
    const main = s.role === StatementRole.MAIN_CONCLUSION;
    support(inputs, main ? argKey : key);
    if (main) candidates.push({ from: argKey, to: key, type: "supports", group: null, origin });
    inputs = main ? [] : [key];
  }
  // A PCS always ends with its main conclusion; inputs left over would be premises of nothing.
  if (inputs.length) support(inputs, argKey);
  return rules;
}

function pcsCandidates(response: IArgdownResponse, keys: NodeDrafts, notes: ImportNotes, candidates: Candidate[]): void {
  const newGroup = groupKeys(new Set(keys.linkedGroupOf.values()));
  let reconstructed = 0;
  let inferenceRules = 0;
  for (const a of Object.values(response.arguments ?? {})) {
    const argKey = keys.argumentKey.get(a.title ?? "");
    if (!argKey || a.pcs.length === 0) continue;
    reconstructed++;
    inferenceRules += pcsSupports(a, argKey, keys, newGroup, candidates);
  }
  if (reconstructed) {
    notes.repair(
      `${plural(reconstructed, "argument")} with a premise-conclusion structure: the premises of each inference step support its conclusion as one linked group (the last step supports the argument, which supports the main conclusion).`,
    );
  }
  notes.drop("inference rule", inferenceRules);
  if (inferenceRules) notes.repair(`${plural(inferenceRules, "inference")} named rules or data (such as “uses”), which the app has no place for; they were left out.`);
}

/** What the file's relations became, beyond the candidates: counts by Argdown type and the linked groups' ends. */
type Gathered = { counted: Map<RelationType, number>; inferenceTargets: number; members: Map<string, string[]>; targets: Map<string, { to: string; type: TRelationType }[]> };

const push = <V>(map: Map<string, V[]>, key: string, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

function keyOf(member: RelationMember | undefined, keys: NodeDrafts): { key: string | null; redirected: boolean } {
  if (!member) return { key: null, redirected: false };
  if (member.type === ArgdownTypes.EQUIVALENCE_CLASS) return { key: keys.statementKey.get(member.title ?? "") ?? null, redirected: false };
  if (member.type === ArgdownTypes.ARGUMENT) return { key: keys.argumentKey.get(member.title ?? "") ?? null, redirected: false };
  return { key: keys.argumentKey.get(member.argumentTitle ?? "") ?? null, redirected: true };
}

/** One relation of the file: a candidate, one end of an exported linked group, or left out. */
function gather(r: IRelation, keys: NodeDrafts, notes: ImportNotes, gathered: Gathered, candidates: Candidate[]): void {
  const fromTitle = r.from?.type === ArgdownTypes.ARGUMENT ? r.from.title : undefined;
  const toTitle = r.to?.type === ArgdownTypes.ARGUMENT ? r.to.title : undefined;
  const type = relationTypeOf(r.relationType);
  const unrepresented = () => notes.drop("relation to a node the app cannot represent");
  if (toTitle && keys.linkedGroupOf.has(toTitle) && type === "supports") {
    const from = keyOf(r.from, keys).key;
    if (from) push(gathered.members, toTitle, from);
    else unrepresented();
    return;
  }
  if (fromTitle && keys.linkedGroupOf.has(fromTitle)) {
    const to = keyOf(r.to, keys).key;
    if (to) push(gathered.targets, fromTitle, { to, type });
    else unrepresented();
    return;
  }
  if (toTitle && keys.linkedGroupOf.has(toTitle)) {
    notes.drop("attack on a linked group");
    notes.repair(`An attack on the linked group <${toTitle}> was left out: the app attacks statements, not groups.`);
    return;
  }
  const from = keyOf(r.from, keys);
  const to = keyOf(r.to, keys);
  if (!from.key || !to.key) {
    unrepresented();
    notes.repair(`The relation ${relationText(r)} was left out: one end is neither a statement nor an argument.`);
    return;
  }
  if (from.redirected || to.redirected) gathered.inferenceTargets++;
  gathered.counted.set(r.relationType, (gathered.counted.get(r.relationType) ?? 0) + 1);
  candidates.push({ from: from.key, to: to.key, type, group: null, origin: `the relation ${relationText(r)}` });
}

/** Exported linked groups: their supporters link straight to each target as one linked group. */
function linkedGroupCandidates(keys: NodeDrafts, gathered: Gathered, notes: ImportNotes, candidates: Candidate[]): void {
  for (const [title, groupKey] of keys.linkedGroupOf) {
    const members = [...new Set(gathered.members.get(title) ?? [])];
    const targets = gathered.targets.get(title) ?? [];
    if (members.length === 0 || targets.length === 0) {
      notes.drop("incomplete linked group");
      notes.repair(`The linked group <${title}> has ${members.length === 0 ? "no premises" : "no target"}, so it links nothing and was left out.`);
      continue;
    }
    targets.forEach(({ to, type }, i) => {
      const group = members.length >= 2 ? (targets.length === 1 ? groupKey : `${groupKey}-${i + 1}`) : null;
      for (const from of members) candidates.push({ from, to, type, group, origin: `the linked group <${title}>` });
    });
  }
}

function tellMappings({ counted, inferenceTargets }: Gathered, notes: ImportNotes): void {
  const mapped = (type: RelationType, sentence: string) => {
    const n = counted.get(type) ?? 0;
    if (n) notes.repair(`${plural(n, `${type} relation`)} ${sentence}`);
  };
  mapped(RelationType.ENTAILS, "became supports.");
  mapped(RelationType.CONTRARY, "became attacks.");
  mapped(RelationType.UNDERCUT, "became attacks on the argument they undercut.");
  mapped(RelationType.CONTRADICTORY, "(symmetric in Argdown) became one attack each, from the statement that declared it to the other.");
  if (inferenceTargets) notes.repair(`${plural(inferenceTargets, "relation")} aimed at an inference now ${inferenceTargets === 1 ? "attacks" : "attack"} the argument the inference belongs to.`);
}

/** The app's rules over the candidates, in order: what breaks them is left out and said. */
function keep(candidates: Candidate[], drafts: Draft[], notes: ImportNotes): TPortableRelation[] {
  const textOf = new Map(drafts.map((d) => [d.key, d.text]));
  const problems = fileRelationProblems(candidates);
  const kept: TPortableRelation[] = [];
  for (const [i, c] of candidates.entries()) {
    const problem = problems[i];
    if (problem) {
      notes.drop(DROPPED_AS[problem.kind]);
      notes.repair(`From ${c.origin}, ${quote(textOf.get(c.from)!)} ${c.type} ${quote(textOf.get(c.to)!)} was left out: ${problem.message}`);
      continue;
    }
    kept.push({ key: `relation-${kept.length + 1}`, from: c.from, to: c.to, type: c.type, group: c.group, status: "approved" });
  }
  const lone = unlinkLoneMembers(kept, (r) => `${quote(textOf.get(r.from)!)} was the only premise left of its linked group, so it ${r.type} on its own.`);
  for (const sentence of lone) notes.repair(sentence);
  return kept;
}

/**
 * The relations the map keeps: premise-conclusion structures first, then the
 * file's relations in file order (support and entails become supports; attack,
 * undercut, contrary and contradictory attacks), by the app's rules.
 */
export function argdownRelations(response: IArgdownResponse, keys: NodeDrafts, notes: ImportNotes): TPortableRelation[] {
  const candidates: Candidate[] = [];
  pcsCandidates(response, keys, notes, candidates);
  const gathered: Gathered = { counted: new Map(), inferenceTargets: 0, members: new Map(), targets: new Map() };
  for (const r of response.relations ?? []) gather(r, keys, notes, gathered, candidates);
  linkedGroupCandidates(keys, gathered, notes, candidates);
  tellMappings(gathered, notes);
  return keep(candidates, keys.drafts, notes);
}
