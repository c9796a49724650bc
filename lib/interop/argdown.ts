import {
  ArgdownApplication,
  ArgdownTypes,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  ModelPlugin,
  ParserPlugin,
  RangeType,
  RelationType,
  StatementRole,
  isConclusion,
  shortcodes,
  tokenize,
  type IArgdownLogger,
  type IArgdownResponse,
  type IRange,
  type IRelation,
  type ISection,
  type IStatement,
  type RelationMember,
} from "@argdown/core";

import { TANGLED_SUPPORTS_MESSAGE, relationProblems, type RelationProblemKind } from "@/lib/graph/semantics";
import { NODE_KINDS, PERSPECTIVES, type TNodeKind, type TPerspective, type TRelationType } from "@/lib/schemas/domain";
import { UNSAFE_TEXT_MESSAGE, isCleanText, xmlSafeText } from "@/lib/schemas/text";

import { ZImportOptions, fileTitle, importedFileSource, type TImportOptions } from "./import-options";
import {
  ImportError,
  PORTABLE_SCHEMA_VERSION,
  validPortable,
  ZPortableSource,
  type TImportReport,
  type TPortableDebate,
  type TPortableNode,
  type TPortableRelation,
  type TPortableSource,
} from "./portable";

/**
 * Argdown (https://argdown.org) to and from the portable debate, parsed with
 * @argdown/core (its parser and model; nothing here parses Argdown itself).
 *
 * Import, in short:
 * - Every statement (an equivalence class: all statements sharing a title) and
 *   every argument becomes a node. A statement's text is its canonical member's
 *   text (the last defining member, as Argdown itself chooses), else its title;
 *   an argument's text is its description, else its title.
 * - Relations: support and entails -> supports; attack, undercut, contrary and
 *   contradictory -> attacks. Contradictory is symmetric in Argdown, but the app
 *   keeps one relation per pair of statements, so it becomes one attack from
 *   the statement that declared it to the other. An undercut aimed at an
 *   inference (`<_` under a conclusion) attacks the argument the inference
 *   belongs to, as the app has no inference nodes.
 * - Premise-conclusion structures (PCS), the rule the tests count with: each
 *   inference step links its inputs to its output as supports, grouped as one
 *   linked group when there are 2 or more inputs. The inputs of a step are the
 *   premises listed since the previous conclusion, plus that previous
 *   (intermediary) conclusion; the output of an intermediary step is its
 *   conclusion; the output of the final step is the argument node, which then
 *   supports the main conclusion. So a PCS of n statements gives exactly n
 *   supports relations: premises -> argument (linked) and argument ->
 *   conclusion for a one-step argument. The argument's node stays between its
 *   premises and its conclusion because relations drawn to and from the
 *   argument in the file need it. Inference rules and their data (`uses`) have
 *   no place in the app and are reported as dropped.
 * - The app's rules apply after that, PCS relations first, then the file's
 *   relations in file order: no self-links, one relation per pair of nodes
 *   (either direction), no circular support; what breaks them is dropped and
 *   reported.
 * - Kinds, from the kept relations (a `kind` in the node's data wins): a
 *   statement that supports nothing but is supported -> thesis; a node that
 *   attacks and supports nothing -> rebuttal; any other argument -> claim; any
 *   other statement -> premise.
 * - Perspective: the data `{perspective: armenian}` (or a list) and the tags
 *   #armenian, #azerbaijani, #neutral name the perspective(s) of a statement or
 *   argument; those tags are taken out of its text (other tags stay, unless the
 *   file's front matter sets `model.removeTagsFromText`). Each node cites the
 *   imported file once per perspective (one source per perspective used,
 *   titled with the file name); a node that names none cites it in the
 *   perspective chosen for the file, whose source is always there as the
 *   article's. The file is the article. Sources written by the export (front
 *   matter `debate.sources`, node data `sources`) are restored instead.
 * - An argument `<Linked n> {linkedGroup: key}` without a PCS, as the export
 *   writes linked groups, is no node: its supporters link straight to its
 *   target(s) as one linked group.
 * - Title: the first heading, else the front matter's title, else the file name.
 *
 * Export writes the approved part of a debate as Argdown that parses without
 * errors and imports back to the same statements and relations (see
 * `portableToArgdown`).
 */

const MAX_TEXT = 5000;
const MAX_TITLE = 300;
const MAX_ARTICLE = 500_000;
const FILE_SOURCE_KEY = "imported-file";

// ---------------------------------------------------------------------------
// Parsing with @argdown/core

/** Argdown logs parser errors and exceptions; the import reports them itself. */
const silentLogger: IArgdownLogger = { log: () => {}, setLevel: () => {} };

let application: ArgdownApplication | null = null;
function argdownApplication(): ArgdownApplication {
  if (application) return application;
  const app = new ArgdownApplication(silentLogger);
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new DataPlugin(), "build-model");
  app.addPlugin(new ModelPlugin(), "build-model");
  application = app;
  return app;
}

/** Line (and column) of a lexer or parser error, when Argdown knows it. */
function at(line: number | undefined, column?: number): string | undefined {
  if (line === undefined || !Number.isFinite(line)) return undefined;
  return column !== undefined && Number.isFinite(column) ? `line ${line}, column ${column}` : `line ${line}`;
}

function firstLine(message: string): string {
  const line = message.split("\n")[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/** True when Argdown's lexer finds no tokens but comments and whitespace. */
function onlyComments(text: string): boolean {
  try {
    return tokenize(text).tokens.every((t: { tokenType: { name: string } }) => t.tokenType.name === "Emptyline" || t.tokenType.name === "Newline");
  } catch {
    return false;
  }
}

function parseArgdown(text: string): IArgdownResponse {
  const app = argdownApplication();
  let response: IArgdownResponse;
  try {
    response = app.run({ process: ["parse-input"], input: text, logger: silentLogger, logExceptions: false, throwExceptions: true });
  } catch (error) {
    // Argdown's parser fails (rather than reporting) on a file with nothing but comments and blank lines.
    if (onlyComments(text)) throw new ImportError("The file has only comments: there are no statements or arguments to import.");
    throw new ImportError(`Argdown could not read the file: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
  const lexerError = response.lexerErrors?.[0];
  if (lexerError) {
    throw new ImportError(`The file is not valid Argdown: ${firstLine(lexerError.message)}`, at(lexerError.line, lexerError.column));
  }
  const parserError = response.parserErrors?.[0];
  if (parserError) {
    const token = parserError.token;
    const line = Number.isFinite(token?.startLine) ? token.startLine : (parserError as { previousToken?: { startLine?: number } }).previousToken?.startLine;
    throw new ImportError(`The file is not valid Argdown: ${firstLine(parserError.message)}`, at(line));
  }
  try {
    // Data blocks and front matter are YAML: a YAML error is thrown from here.
    return app.run({ process: ["build-model"], logger: silentLogger, logExceptions: false, throwExceptions: true }, response);
  } catch (error) {
    const message = firstLine(error instanceof Error ? ((error as { reason?: string }).reason ?? error.message) : String(error));
    if ((error as { name?: string }).name !== "YAMLException") throw new ImportError(`Argdown could not build the model: ${message}`);
    throw new ImportError(`A data block or the front matter is not valid YAML: ${message}`, yamlErrorLine(response, error));
  }
}

/**
 * The file line of a YAML error: js-yaml counts lines within the YAML it was
 * given, so find the data block or front matter token holding that YAML.
 */
function yamlErrorLine(response: IArgdownResponse, error: unknown): string | undefined {
  const mark = (error as { mark?: { buffer?: string; line?: number } }).mark;
  if (!mark || typeof mark.buffer !== "string" || mark.line === undefined) return undefined;
  const yamlText = mark.buffer.replace(/\0$/, "").trim();
  for (const token of response.tokens ?? []) {
    const name = token.tokenType.name;
    if (name !== "Data" && name !== "FrontMatter") continue;
    const index = token.image.indexOf(yamlText);
    if (index < 0 || token.startLine === undefined) continue;
    const before = token.image.slice(0, index).split("\n").length - 1;
    const leading = mark.buffer.length - mark.buffer.trimStart().length;
    const skipped = mark.buffer.slice(0, leading).split("\n").length - 1;
    return `line ${token.startLine + before + mark.line - skipped}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Argdown -> portable

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** How the report counts a relation left out for each problem. */
const DROPPED_AS: Record<RelationProblemKind, string> = { "self-link": "self-link", duplicate: "duplicate relation", reverse: "reverse relation", circular: "circular support" };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/** Text as the app stores it: one line, single spaces, nothing the shared text checks refuse (rows stored before they held may carry some). */
function cleanText(text: string): string {
  return xmlSafeText(text).replace(/\s+/g, " ").trim();
}

function isPerspective(value: unknown): value is TPerspective {
  return typeof value === "string" && (PERSPECTIVES as readonly string[]).includes(value);
}

/** A member's text without its perspective tags (the tag ranges' stop is inclusive). */
function textWithoutPerspectiveTags(statement: IStatement | undefined): string | undefined {
  if (!statement?.text) return statement?.text;
  const tagRanges = (statement.ranges ?? [])
    .filter((r: IRange) => r.type === RangeType.TAG && r.tag !== undefined && isPerspective(r.tag.toLowerCase()))
    .sort((a, b) => b.start - a.start);
  let text = statement.text;
  for (const r of tagRanges) text = `${text.slice(0, r.start)} ${text.slice(r.stop + 1)}`;
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

/** Perspectives a node names: its data's `perspective` (one or a list) and its perspective tags. */
function perspectivesOf(data: unknown, tags: string[] | undefined, unknownValues: Set<string>): TPerspective[] {
  const found: TPerspective[] = [];
  const add = (value: unknown) => {
    const v = typeof value === "string" ? value.trim().toLowerCase() : value;
    if (isPerspective(v)) {
      if (!found.includes(v)) found.push(v);
    } else unknownValues.add(String(value));
  };
  if (isRecord(data) && data.perspective !== undefined && data.perspective !== null) {
    for (const value of Array.isArray(data.perspective) ? data.perspective : [data.perspective]) add(value);
  }
  for (const tag of tags ?? []) if (isPerspective(tag.toLowerCase())) add(tag);
  return found;
}

function allSections(sections: ISection[] | undefined): ISection[] {
  return (sections ?? []).flatMap((s) => [s, ...allSections(s.children)]);
}

function relationTypeOf(type: RelationType): TRelationType {
  return type === RelationType.SUPPORT || type === RelationType.ENTAILS ? "supports" : "attacks";
}

/** Sources the export wrote into the front matter, restored when they still fit the schema. */
function frontMatterSources(frontMatter: unknown, repairs: string[]): Map<string, TPortableSource> {
  const sources = new Map<string, TPortableSource>();
  const listed = isRecord(frontMatter) && isRecord(frontMatter.debate) ? frontMatter.debate.sources : undefined;
  if (!Array.isArray(listed)) return sources;
  let invalid = 0;
  for (const item of listed) {
    const parsed = ZPortableSource.safeParse(item);
    if (!parsed.success || sources.has(parsed.data.key)) invalid++;
    // The imported file is the article now; a listed source is one source among others.
    else sources.set(parsed.data.key, { ...parsed.data, isArticle: false });
  }
  if (invalid) repairs.push(`${plural(invalid, "source")} in the front matter did not fit the app (or repeated a key) and ${invalid === 1 ? "was" : "were"} left out.`);
  return sources;
}

type Candidate = { from: string; to: string; type: TRelationType; group: string | null; origin: string };

/**
 * Statements, arguments and relations of an Argdown file as a portable
 * debate, with a report of what was kept, dropped and repaired. Throws
 * ImportError (with the line, when Argdown gives one) for files that are
 * empty, JSON, or not valid Argdown.
 */
export function argdownToPortable(text: string, options: TImportOptions): { debate: TPortableDebate; report: TImportReport } {
  const checkedOptions = ZImportOptions.safeParse(options);
  if (!checkedOptions.success) throw new ImportError(`The import options are not valid: ${checkedOptions.error.issues[0]!.message}`);
  const input = text.replace(/^\uFEFF/, "");
  if (input.trim().length === 0) throw new ImportError("The file is empty: there is no Argdown to import.");
  if (!isCleanText(input)) throw new ImportError(`The file: ${UNSAFE_TEXT_MESSAGE}`);
  if (input.length > MAX_ARTICLE) {
    throw new ImportError(`The file has ${input.length} characters; it becomes the debate's article, which holds at most ${MAX_ARTICLE}.`);
  }
  const trimmed = input.trim();
  if (/^[[{]/.test(trimmed)) {
    let json = false;
    try {
      JSON.parse(trimmed);
      json = true;
    } catch {
      // Not JSON: Argdown may well start with a bracket ([Title]: ...).
    }
    if (json) throw new ImportError("This file is JSON, not Argdown: import it as a JSON debate export or as AIF instead.", "line 1");
  }

  const response = parseArgdown(input);
  const statements = Object.values(response.statements ?? {});
  const args = Object.values(response.arguments ?? {});
  if (statements.length === 0 && args.length === 0) throw new ImportError("The file has no statements or arguments to import.");

  const repairs: string[] = [];
  const dropped: Record<string, number> = {};
  const drop = (what: string, n = 1) => {
    if (n > 0) dropped[what] = (dropped[what] ?? 0) + n;
  };
  const starts = lineStarts(input);
  const restoredSources = frontMatterSources(response.frontMatter, repairs);
  const unknownPerspectives = new Set<string>();

  // Arguments the export wrote for a linked group: no node, their supporters link straight to the target.
  const linkedGroupOf = new Map<string, string>();
  for (const a of args) {
    const group = isRecord(a.data) ? a.data.linkedGroup : undefined;
    if (a.title && a.pcs.length === 0 && typeof group === "string" && group.trim().length > 0 && group.length <= 180) {
      linkedGroupOf.set(a.title, group.trim());
    }
  }

  // Nodes.
  type Draft = Omit<TPortableNode, "kind"> & { declaredKind: TNodeKind | null; isArgument: boolean; perspectives: TPerspective[]; restored: string[] };
  const drafts: Draft[] = [];
  const statementKey = new Map<string, string>();
  const argumentKey = new Map<string, string>();
  let untitled = 0;
  let cut = 0;
  const draft = (
    key: string,
    raw: string | undefined,
    fallback: string,
    data: unknown,
    tags: string[] | undefined,
    location: Located | undefined,
    isArgument: boolean,
  ) => {
    let nodeText = cleanText(raw ?? "");
    if (nodeText.length === 0) {
      nodeText = cleanText(fallback);
      untitled++;
    }
    if (nodeText.length > MAX_TEXT) {
      nodeText = `${nodeText.slice(0, MAX_TEXT - 1)}…`;
      cut++;
    }
    const declared = isRecord(data) && typeof data.kind === "string" ? data.kind.trim().toLowerCase() : null;
    const restored = isRecord(data) && Array.isArray(data.sources) ? data.sources.filter((k): k is string => typeof k === "string" && restoredSources.has(k)) : [];
    drafts.push({
      key,
      text: nodeText,
      attributedTo: null,
      anchor: anchorOf(location, input, starts),
      sourceKeys: [],
      status: "approved",
      author: null,
      team: null,
      declaredKind: declared !== null && (NODE_KINDS as readonly string[]).includes(declared) ? (declared as TNodeKind) : null,
      isArgument,
      perspectives: perspectivesOf(data, tags, unknownPerspectives),
      restored: [...new Set(restored)],
    });
  };
  statements.forEach((ec, i) => {
    const key = `statement-${i + 1}`;
    statementKey.set(ec.title ?? "", key);
    const canonical = IEquivalenceClass.getCanonicalMember(ec);
    draft(key, textWithoutPerspectiveTags(canonical), ec.title ?? key, ec.data, ec.tags, canonical ?? ec.members[0], false);
  });
  args.forEach((a, i) => {
    if (a.title && linkedGroupOf.has(a.title)) return;
    const key = `argument-${i + 1}`;
    argumentKey.set(a.title ?? "", key);
    const description = IArgument.getCanonicalMember(a);
    draft(key, textWithoutPerspectiveTags(description), a.title ?? key, a.data, a.tags, description ?? a, true);
  });
  if (untitled) repairs.push(`${plural(untitled, "statement or argument", "statements or arguments")} without text took ${untitled === 1 ? "its" : "their"} title as text.`);
  if (cut) repairs.push(`${plural(cut, "text")} longer than ${MAX_TEXT} characters ${cut === 1 ? "was" : "were"} cut to fit.`);
  if (unknownPerspectives.size) {
    repairs.push(`Unknown perspective${unknownPerspectives.size === 1 ? "" : "s"} ${[...unknownPerspectives].map((p) => `“${p}”`).join(", ")} ${unknownPerspectives.size === 1 ? "was" : "were"} ignored; the app knows armenian, azerbaijani and neutral.`);
  }

  // Relations: PCS first, then the file's relations in file order.
  const candidates: Candidate[] = [];
  let groups = 0;
  const takenGroups = new Set(linkedGroupOf.values());
  const newGroup = () => {
    let key = `pcs-${++groups}`;
    while (takenGroups.has(key)) key = `pcs-${++groups}`;
    return key;
  };
  let reconstructed = 0;
  let inferenceRules = 0;
  for (const a of args) {
    const argKey = argumentKey.get(a.title ?? "");
    if (!argKey || a.pcs.length === 0) continue;
    reconstructed++;
    let inputs: string[] = [];
    for (const s of a.pcs) {
      const key = statementKey.get(s.title ?? "");
      if (!key) continue;
      if (!isConclusion(s)) {
        inputs.push(key);
        continue;
      }
      const inference = s.inference;
      if (inference && ((inference.inferenceRules?.length ?? 0) > 0 || (isRecord(inference.data) && Object.keys(inference.data).length > 0))) inferenceRules++;
      const main = s.role === StatementRole.MAIN_CONCLUSION;
      const output = main ? argKey : key;
      const group = inputs.length >= 2 ? newGroup() : null;
      for (const from of inputs) candidates.push({ from, to: output, type: "supports", group, origin: `the premise-conclusion structure of <${a.title}>` });
      if (main) candidates.push({ from: argKey, to: key, type: "supports", group: null, origin: `the premise-conclusion structure of <${a.title}>` });
      inputs = main ? [] : [key];
    }
    // A PCS always ends with its main conclusion; inputs left over would be premises of nothing.
    if (inputs.length) {
      const group = inputs.length >= 2 ? newGroup() : null;
      for (const from of inputs) candidates.push({ from, to: argKey, type: "supports", group, origin: `the premise-conclusion structure of <${a.title}>` });
    }
  }
  if (reconstructed) {
    repairs.push(
      `${plural(reconstructed, "argument")} with a premise-conclusion structure: the premises of each inference step support its conclusion as one linked group (the last step supports the argument, which supports the main conclusion).`,
    );
  }
  drop("inference rule", inferenceRules);
  if (inferenceRules) repairs.push(`${plural(inferenceRules, "inference")} named rules or data (such as “uses”), which the app has no place for; they were left out.`);

  const keyOf = (member: RelationMember | undefined): { key: string | null; redirected: boolean } => {
    if (!member) return { key: null, redirected: false };
    if (member.type === ArgdownTypes.EQUIVALENCE_CLASS) return { key: statementKey.get(member.title ?? "") ?? null, redirected: false };
    if (member.type === ArgdownTypes.ARGUMENT) return { key: argumentKey.get(member.title ?? "") ?? null, redirected: false };
    return { key: argumentKey.get(member.argumentTitle ?? "") ?? null, redirected: true };
  };
  const relations = response.relations ?? [];
  const counted = new Map<RelationType, number>();
  let inferenceTargets = 0;
  const linkedMembers = new Map<string, string[]>();
  const linkedTargets = new Map<string, { to: string; type: TRelationType }[]>();
  for (const r of relations) {
    const fromTitle = r.from?.type === ArgdownTypes.ARGUMENT ? r.from.title : undefined;
    const toTitle = r.to?.type === ArgdownTypes.ARGUMENT ? r.to.title : undefined;
    const type = relationTypeOf(r.relationType);
    // Relations of an exported linked group: gathered, turned into grouped relations below.
    if (toTitle && linkedGroupOf.has(toTitle) && type === "supports") {
      const from = keyOf(r.from).key;
      if (from) linkedMembers.set(toTitle, [...(linkedMembers.get(toTitle) ?? []), from]);
      else drop("relation to a node the app cannot represent");
      continue;
    }
    if (fromTitle && linkedGroupOf.has(fromTitle)) {
      const to = keyOf(r.to).key;
      if (to) linkedTargets.set(fromTitle, [...(linkedTargets.get(fromTitle) ?? []), { to, type }]);
      else drop("relation to a node the app cannot represent");
      continue;
    }
    if (toTitle && linkedGroupOf.has(toTitle)) {
      drop("attack on a linked group");
      repairs.push(`An attack on the linked group <${toTitle}> was left out: the app attacks statements, not groups.`);
      continue;
    }
    const from = keyOf(r.from);
    const to = keyOf(r.to);
    if (!from.key || !to.key) {
      drop("relation to a node the app cannot represent");
      repairs.push(`The relation ${relationText(r)} was left out: one end is neither a statement nor an argument.`);
      continue;
    }
    if (from.redirected || to.redirected) inferenceTargets++;
    counted.set(r.relationType, (counted.get(r.relationType) ?? 0) + 1);
    candidates.push({ from: from.key, to: to.key, type, group: null, origin: `the relation ${relationText(r)}` });
  }
  for (const [title, groupKey] of linkedGroupOf) {
    const members = [...new Set(linkedMembers.get(title) ?? [])];
    const targets = linkedTargets.get(title) ?? [];
    if (members.length === 0 || targets.length === 0) {
      drop("incomplete linked group");
      repairs.push(`The linked group <${title}> has ${members.length === 0 ? "no premises" : "no target"}, so it links nothing and was left out.`);
      continue;
    }
    targets.forEach(({ to, type }, i) => {
      const group = members.length >= 2 ? (targets.length === 1 ? groupKey : `${groupKey}-${i + 1}`) : null;
      for (const from of members) candidates.push({ from, to, type, group, origin: `the linked group <${title}>` });
    });
  }
  const mapped = (type: RelationType, sentence: string) => {
    const n = counted.get(type) ?? 0;
    if (n) repairs.push(`${plural(n, `${type} relation`)} ${sentence}`);
  };
  mapped(RelationType.ENTAILS, "became supports.");
  mapped(RelationType.CONTRARY, "became attacks.");
  mapped(RelationType.UNDERCUT, "became attacks on the argument they undercut.");
  mapped(RelationType.CONTRADICTORY, "(symmetric in Argdown) became one attack each, from the statement that declared it to the other: the app keeps one relation per pair of statements.");
  if (inferenceTargets) repairs.push(`${plural(inferenceTargets, "relation")} aimed at an inference now ${inferenceTargets === 1 ? "attacks" : "attack"} the argument the inference belongs to.`);

  // The app's rules: no self-links, one relation per pair, no circular support.
  const textOf = new Map(drafts.map((d) => [d.key, d.text]));
  const problems = relationProblems(candidates.map((c) => ({ fromId: c.from, toId: c.to, type: c.type })));
  if (!problems) throw new ImportError(`The file's relations cannot be imported. ${TANGLED_SUPPORTS_MESSAGE}`);
  const kept: TPortableRelation[] = [];
  for (const [i, c] of candidates.entries()) {
    const problem = problems[i];
    if (problem) {
      drop(DROPPED_AS[problem.kind]);
      repairs.push(`From ${c.origin}, ${quote(textOf.get(c.from)!)} ${c.type} ${quote(textOf.get(c.to)!)} was left out: ${problem.message}`);
      continue;
    }
    kept.push({ key: `relation-${kept.length + 1}`, from: c.from, to: c.to, type: c.type, group: c.group, status: "approved" });
  }
  const groupSize = new Map<string, number>();
  for (const r of kept) if (r.group) groupSize.set(r.group, (groupSize.get(r.group) ?? 0) + 1);
  for (const r of kept) {
    if (r.group && groupSize.get(r.group) === 1) {
      repairs.push(`${quote(textOf.get(r.from)!)} was the only premise left of its linked group, so it ${r.type} on its own.`);
      r.group = null;
    }
  }

  // Kinds from the kept relations.
  const supportsSomething = new Set(kept.filter((r) => r.type === "supports").map((r) => r.from));
  const attacksSomething = new Set(kept.filter((r) => r.type === "attacks").map((r) => r.from));
  const supported = new Set(kept.filter((r) => r.type === "supports").map((r) => r.to));
  const kindOf = (d: Draft): TNodeKind => {
    if (d.declaredKind) return d.declaredKind;
    if (!d.isArgument && !supportsSomething.has(d.key) && supported.has(d.key)) return "thesis";
    if (attacksSomething.has(d.key) && !supportsSomething.has(d.key)) return "rebuttal";
    return d.isArgument ? "claim" : "premise";
  };

  // Sources: restored ones, else the file once per perspective used.
  const title = headingTitle(response) ?? frontMatterString(response.frontMatter, "title") ?? fileTitle(options.fileName);
  const author = frontMatterString(response.frontMatter, "author");
  const fileSources = new Map<TPerspective, TPortableSource>();
  const fileSource = (perspective: TPerspective): string => {
    const existing = fileSources.get(perspective);
    if (existing) return existing.key;
    let key = perspective === options.perspective ? FILE_SOURCE_KEY : `${FILE_SOURCE_KEY}-${perspective}`;
    while (restoredSources.has(key)) key = `${key}-file`;
    const source = { ...importedFileSource({ fileName: options.fileName, perspective }, key), author, isArticle: perspective === options.perspective };
    fileSources.set(perspective, source);
    return key;
  };
  // The file's source in the file's perspective is the article's, cited or not.
  fileSource(options.perspective);
  let restoredCount = 0;
  let named = 0;
  let defaulted = 0;
  const nodes: TPortableNode[] = drafts.map((d) => {
    const { key, text: nodeText, attributedTo, anchor, status, author, team, perspectives, restored } = d;
    const node = { key, text: nodeText, attributedTo, anchor, status, author, team };
    let sourceKeys = restored;
    if (sourceKeys.length > 0) restoredCount++;
    else {
      if (perspectives.length > 0) named++;
      else defaulted++;
      sourceKeys = (perspectives.length ? perspectives : [options.perspective]).map(fileSource);
    }
    return { ...node, kind: kindOf(d), sourceKeys };
  });
  const sources = [...restoredSources.values(), ...fileSources.values()];
  const fileName = fileTitle(options.fileName);
  repairs.unshift(
    [
      restoredCount ? `${plural(restoredCount, "statement")} ${restoredCount === 1 ? "cites" : "cite"} the sources an export of this app recorded in the file.` : null,
      named ? `${plural(named, "statement")} ${named === 1 ? "cites" : "cite"} the imported file “${fileName}” in the perspective ${named === 1 ? "it names" : "they name"} (data or tag).` : null,
      defaulted ? `${plural(defaulted, "statement")} ${defaulted === 1 ? "names no perspective and cites" : "name no perspective and cite"} the imported file “${fileName}” as ${options.perspective}.` : null,
      "The file is the debate's article; each statement is anchored where it is written in it.",
    ]
      .filter(Boolean)
      .join(" "),
  );

  // What Argdown has and the app does not.
  const otherTags = new Set<string>();
  for (const x of [...statements, ...args]) for (const tag of x.tags ?? []) if (!isPerspective(tag.toLowerCase())) otherTags.add(tag);
  drop("tag", otherTags.size);
  // The first heading titles the debate; the others group statements, which the app does not.
  drop("heading", Math.max(0, allSections(response.sections).length - (headingTitle(response) ? 1 : 0)));

  const description = frontMatterString(isRecord(response.frontMatter) ? response.frontMatter.debate : undefined, "description") ??
    frontMatterString(response.frontMatter, "subTitle") ??
    frontMatterString(response.frontMatter, "abstract");
  const debate: TPortableDebate = {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title, description: description ?? `Imported from the Argdown file “${fileTitle(options.fileName)}”.`, moderationMode: "open", phase: "open", anonymous: false },
    article: { title, author, publisher: null, publishedAt: null, url: null, perspective: options.perspective, text: input },
    sources,
    nodes,
    relations: kept,
    teams: [],
    revisions: [],
  };
  return { debate: validPortable(debate), report: { format: "argdown", nodes: nodes.length, relations: kept.length, dropped, repairs } };
}

function relationText(r: IRelation): string {
  const end = (m: RelationMember | undefined) =>
    !m ? "?" : m.type === ArgdownTypes.ARGUMENT ? `<${m.title}>` : m.type === ArgdownTypes.EQUIVALENCE_CLASS ? `[${m.title}]` : `the inference of <${m.argumentTitle ?? "?"}>`;
  return `${end(r.from)} ${r.relationType} ${end(r.to)}`;
}

function headingTitle(response: IArgdownResponse): string | null {
  const first = allSections(response.sections)
    .filter((s) => s.title)
    .sort((a, b) => (a.startLine ?? 0) - (b.startLine ?? 0))[0];
  const title = first?.title ? cleanText(first.title) : "";
  return title ? title.slice(0, MAX_TITLE) : null;
}

/** A string (or list of strings) field of the front matter, cleaned and cut to fit. */
function frontMatterString(frontMatter: unknown, field: string): string | null {
  if (!isRecord(frontMatter)) return null;
  const value = frontMatter[field];
  const raw = typeof value === "string" ? value : Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(", ") : null;
  if (raw === null) return null;
  const text = cleanText(raw);
  const max = field === "description" || field === "abstract" || field === "subTitle" ? 5000 : field === "author" ? 200 : MAX_TITLE;
  return text ? text.slice(0, max) : null;
}

// ---------------------------------------------------------------------------
// portable -> Argdown

/** Characters that start Argdown markup anywhere in a line: escaped with a backslash. */
const ALWAYS_ESCAPED = new Set(["\\", "@", "#", "*", "_", "[", "]", "<", ">", "/", "{", "}", "`"]);
/** Argdown's special-character token (.name. or :name:), tried where the lexer tries it. */
const SPECIAL_CHAR = /(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)/y;

/**
 * Text that Argdown reads back as exactly this text (whitespace collapsed):
 * markup characters are escaped, and so are the shortcodes (`:heart:`, `.^.`)
 * Argdown would turn into symbols and runs of `===` that would open front
 * matter. Other dots and colons are left alone, as the lexer reads them.
 */
export function escapeArgdownText(text: string): string {
  const input = cleanText(text);
  let out = "";
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "." || c === ":") {
      SPECIAL_CHAR.lastIndex = i;
      const match = SPECIAL_CHAR.exec(input);
      if (match) {
        if (shortcodes[match[0].trim()]) {
          out += `\\${c}`;
          i++;
        } else {
          // The lexer takes the whole match as one token and keeps it as it is.
          out += match[0];
          i += match[0].length;
        }
        continue;
      }
      out += c;
    } else if (ALWAYS_ESCAPED.has(c)) {
      out += `\\${c}`;
    } else if (c === "=" && (input[i + 1] === "=" || input[i - 1] === "=")) {
      out += "\\=";
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

/** A YAML flow value Argdown's data blocks and front matter read back as it is; strings are quoted unless plain words. */
function yaml(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (/^[a-z][a-z0-9-]*$/i.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value)) return value;
    // JSON strings are YAML strings; braces and "=" are written as \u escapes so no data block or front matter ends early.
    return JSON.stringify(value).replace(/[{}=]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (Array.isArray(value)) return `[${value.map(yaml).join(", ")}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([k, v]) => `${yaml(k)}: ${yaml(v)}`).join(", ")}}`;
  return "null";
}

/** Titles from the first words of each text, unique (case-insensitively) and the same for the same debate. */
function statementTitles(texts: { key: string; text: string }[]): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const { key, text } of texts) {
    const words = cleanText(text)
      .split(" ")
      .map((w) => w.replace(/[^\p{L}\p{N}]+/gu, ""))
      .filter((w) => w.length > 0);
    let base = "";
    for (const word of words) {
      if (base && (base.length + word.length + 1 > 40 || base.split(" ").length >= 5)) break;
      base = base ? `${base} ${word}` : word.slice(0, 40);
    }
    // "Untitled n" is what Argdown calls statements without a title.
    if (!base || /^untitled \d+$/i.test(base)) base = base ? `Statement ${base}` : "Statement";
    let title = base;
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${base} ${n}`;
    used.add(title.toLowerCase());
    titles.set(key, title);
  }
  return titles;
}

/**
 * The approved part of a debate as Argdown:
 * - front matter with the title and, as data, the description and sources;
 * - a `#` heading with the debate title;
 * - each node as `[Title]: text {kind: premise, perspective: azerbaijani, sources: [...]}`,
 *   titles made from the first words of the text, with its plain relations
 *   indented under it (`+> [Target]` supports, `-> [Target]` attacks);
 * - each linked group (2+ relations sharing a group and a target) as an
 *   argument `<Linked 1> {linkedGroup: key}` that its premises support (`+ [Premise]`)
 *   and that supports or attacks the target, which the import turns back
 *   into the grouped relations.
 * Teams, revisions, anchors, authors and node status are not written.
 */
export function portableToArgdown(debate: TPortableDebate): string {
  const nodes = debate.nodes.filter((n) => n.status === "approved");
  const nodeKeys = new Set(nodes.map((n) => n.key));
  const titles = statementTitles(nodes);
  const relations = debate.relations.filter((r) => r.status === "approved" && nodeKeys.has(r.from) && nodeKeys.has(r.to));
  const perspectiveOf = new Map(debate.sources.map((s) => [s.key, s.perspective]));

  // Linked groups: relations sharing group, target and type, at least two of them.
  const grouped = new Map<string, TPortableRelation[]>();
  for (const r of relations) {
    if (!r.group) continue;
    const id = JSON.stringify([r.group, r.to, r.type]);
    grouped.set(id, [...(grouped.get(id) ?? []), r]);
  }
  const linked = [...grouped.values()].filter((rs) => new Set(rs.map((r) => r.from)).size >= 2);
  const inLinked = new Set(linked.flat());

  const lines: string[] = [];
  const frontMatter: Record<string, unknown> = { sources: debate.sources };
  if (debate.debate.description) frontMatter.description = debate.debate.description;
  lines.push("===", `title: ${yaml(debate.debate.title)}`, `debate: ${yaml(frontMatter)}`, "===", "", `# ${escapeArgdownText(debate.debate.title) || "Debate"}`, "");

  for (const node of nodes) {
    const perspectives = [...new Set(node.sourceKeys.map((k) => perspectiveOf.get(k)).filter((p) => p !== undefined))];
    const data: Record<string, unknown> = { kind: node.kind };
    if (perspectives.length) data.perspective = perspectives.length === 1 ? perspectives[0] : perspectives;
    if (node.sourceKeys.length) data.sources = node.sourceKeys;
    lines.push(`[${titles.get(node.key)}]: ${escapeArgdownText(node.text) || escapeArgdownText(titles.get(node.key)!)} ${yaml(data)}`);
    for (const r of relations) {
      if (r.from !== node.key || inLinked.has(r)) continue;
      lines.push(`  ${r.type === "supports" ? "+>" : "->"} [${titles.get(r.to)}]`);
    }
    lines.push("");
  }

  if (linked.length) lines.push("<!-- Linked groups: premises that support (or attack) their target only together. -->", "");
  linked.forEach((rs, i) => {
    const first = rs[0]!;
    lines.push(`<Linked ${i + 1}> ${yaml({ linkedGroup: first.group })}`);
    for (const from of new Set(rs.map((r) => r.from))) lines.push(`  + [${titles.get(from)}]`);
    lines.push(`  ${first.type === "supports" ? "+>" : "->"} [${titles.get(first.to)}]`, "");
  });
  return `${lines.join("\n").trimEnd()}\n`;
}
