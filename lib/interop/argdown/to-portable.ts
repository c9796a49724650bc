import type { IArgdownResponse, ISection } from "@argdown/core";

import type { TNodeKind } from "@/lib/schemas/domain";

import { ZImportOptions, fileTitle, type TImportOptions } from "../import-options";
import { ImportNotes, isRecord } from "../import-notes";
import { ImportError, PORTABLE_SCHEMA_VERSION, validPortable, type TImportReport, type TPortableDebate, type TPortableRelation } from "../portable";

import { cleanText, isPerspective, nodeDrafts, type Draft } from "./nodes";
import { argdownFileText, parseArgdown } from "./parse";
import { argdownRelations } from "./relations";
import { citeSources, frontMatterSources } from "./sources";

const MAX_TITLE = 300;

function allSections(sections: ISection[] | undefined): ISection[] {
  return (sections ?? []).flatMap((s) => [s, ...allSections(s.children)]);
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

/**
 * Kinds from the kept relations (a `kind` in the node's data wins): a
 * statement that supports nothing but is supported is a thesis; a node that
 * attacks and supports nothing a rebuttal; any other argument a claim; any
 * other statement a premise.
 */
function kindsFrom(kept: TPortableRelation[]): (d: Draft) => TNodeKind {
  const supportsSomething = new Set(kept.filter((r) => r.type === "supports").map((r) => r.from));
  const attacksSomething = new Set(kept.filter((r) => r.type === "attacks").map((r) => r.from));
  const supported = new Set(kept.filter((r) => r.type === "supports").map((r) => r.to));
  return (d) => {
    if (d.declaredKind) return d.declaredKind;
    if (!d.isArgument && !supportsSomething.has(d.key) && supported.has(d.key)) return "thesis";
    if (attacksSomething.has(d.key) && !supportsSomething.has(d.key)) return "rebuttal";
    return d.isArgument ? "claim" : "premise";
  };
}

/** What Argdown has and the app does not: tags but the perspective ones, and headings after the first (which titles the debate). */
function dropUnkept(response: IArgdownResponse, notes: ImportNotes): void {
  const otherTags = new Set<string>();
  for (const x of [...Object.values(response.statements ?? {}), ...Object.values(response.arguments ?? {})]) {
    for (const tag of x.tags ?? []) if (!isPerspective(tag.toLowerCase())) otherTags.add(tag);
  }
  notes.drop("tag", otherTags.size);
  notes.drop("heading", Math.max(0, allSections(response.sections).length - (headingTitle(response) ? 1 : 0)));
}

function debateFields(response: IArgdownResponse, fileName: string): TPortableDebate["debate"] {
  const { frontMatter } = response;
  const title = headingTitle(response) ?? frontMatterString(frontMatter, "title") ?? fileTitle(fileName);
  const description =
    frontMatterString(isRecord(frontMatter) ? frontMatter.debate : undefined, "description") ?? frontMatterString(frontMatter, "subTitle") ?? frontMatterString(frontMatter, "abstract");
  return { title, description: description ?? `Imported from the Argdown file “${fileTitle(fileName)}”.`, moderationMode: "open", phase: "open", anonymous: false };
}

/**
 * Statements, arguments and relations of an Argdown file (or of the Argdown
 * code blocks of a Markdown or Quarto file) as a portable debate, with a
 * report of what was kept, dropped and repaired. The file is the article.
 * Throws ImportError (with the line, when Argdown gives one) for files that
 * are empty, JSON, or not valid Argdown.
 */
export function argdownToPortable(text: string, options: TImportOptions): { debate: TPortableDebate; report: TImportReport } {
  const checkedOptions = ZImportOptions.safeParse(options);
  if (!checkedOptions.success) throw new ImportError(`The import options are not valid: ${checkedOptions.error.issues[0]!.message}`);
  const input = argdownFileText(text);
  const response = parseArgdown(input, options.fileName);
  if (Object.keys(response.statements ?? {}).length === 0 && Object.keys(response.arguments ?? {}).length === 0) {
    throw new ImportError("The file has no statements or arguments to import.");
  }
  const notes = new ImportNotes();
  const restored = frontMatterSources(response.frontMatter, notes);
  const keys = nodeDrafts(response, input, restored, notes);
  const relations = argdownRelations(response, keys, notes);
  const author = frontMatterString(response.frontMatter, "author");
  const { nodes, sources } = citeSources(keys.drafts, { restored, options, author, kindOf: kindsFrom(relations) }, notes);
  dropUnkept(response, notes);
  const debate = debateFields(response, options.fileName);
  const portable: TPortableDebate = {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate,
    article: { title: debate.title, author, publisher: null, publishedAt: null, url: null, perspective: options.perspective, text: input },
    sources,
    nodes,
    relations,
    teams: [],
    revisions: [],
  };
  return { debate: validPortable(portable), report: { format: "argdown", nodes: nodes.length, relations: relations.length, dropped: notes.dropped, repairs: notes.repairs } };
}
