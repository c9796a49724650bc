import type { TPerspective } from "@/lib/schemas/domain";

import { fileTitle, importedFileSource, type TImportOptions } from "../import-options";
import { isRecord, plural, type ImportNotes } from "../import-notes";
import { ZPortableSource, type TPortableNode, type TPortableSource } from "../portable";

import type { Draft } from "./nodes";

const FILE_SOURCE_KEY = "imported-file";

/** Sources the export wrote into the front matter, restored when they still fit the schema. */
export function frontMatterSources(frontMatter: unknown, notes: ImportNotes): Map<string, TPortableSource> {
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
  if (invalid) notes.repair(`${plural(invalid, "source")} in the front matter did not fit the app (or repeated a key) and ${invalid === 1 ? "was" : "were"} left out.`);
  return sources;
}

/**
 * What each node cites: the sources an export recorded for it, else the file
 * once per perspective the node names (one source per perspective used), else
 * the file in the perspective chosen for it, whose source is always there as
 * the article's. Says so in the first repair.
 */
export function citeSources(
  drafts: Draft[],
  { restored, options, author, kindOf }: { restored: Map<string, TPortableSource>; options: TImportOptions; author: string | null; kindOf: (d: Draft) => TPortableNode["kind"] },
  notes: ImportNotes,
): { nodes: TPortableNode[]; sources: TPortableSource[] } {
  const fileSources = new Map<TPerspective, TPortableSource>();
  const fileSource = (perspective: TPerspective): string => {
    const existing = fileSources.get(perspective);
    if (existing) return existing.key;
    let key = perspective === options.perspective ? FILE_SOURCE_KEY : `${FILE_SOURCE_KEY}-${perspective}`;
    while (restored.has(key)) key = `${key}-file`;
    fileSources.set(perspective, { ...importedFileSource({ fileName: options.fileName, perspective }, key), author, isArticle: perspective === options.perspective });
    return key;
  };
  fileSource(options.perspective);
  const count = { restored: 0, named: 0, defaulted: 0 };
  const nodes = drafts.map((d): TPortableNode => {
    const { key, text, attributedTo, anchor, status, author, team, data, perspectives, restored: restoredKeys } = d;
    if (restoredKeys.length > 0) count.restored++;
    else if (perspectives.length > 0) count.named++;
    else count.defaulted++;
    const sourceKeys = restoredKeys.length > 0 ? restoredKeys : (perspectives.length ? perspectives : [options.perspective]).map(fileSource);
    return { key, kind: kindOf(d), text, attributedTo, anchor, sourceKeys, status, author, team, ...(data ? { data } : {}) };
  });
  notes.repairs.unshift(citationSentence(count, fileTitle(options.fileName), options.perspective));
  return { nodes, sources: [...restored.values(), ...fileSources.values()] };
}

function citationSentence({ restored, named, defaulted }: { restored: number; named: number; defaulted: number }, fileName: string, perspective: TPerspective): string {
  return [
    restored ? `${plural(restored, "statement")} ${restored === 1 ? "cites" : "cite"} the sources an export of this app recorded in the file.` : null,
    named ? `${plural(named, "statement")} ${named === 1 ? "cites" : "cite"} the imported file “${fileName}” in the perspective ${named === 1 ? "it names" : "they name"} (data or tag).` : null,
    defaulted ? `${plural(defaulted, "statement")} ${defaulted === 1 ? "names no perspective and cites" : "name no perspective and cite"} the imported file “${fileName}” as ${perspective}.` : null,
    "The file is the debate's article; each statement is anchored where it is written in it.",
  ]
    .filter(Boolean)
    .join(" ");
}
