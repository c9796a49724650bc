import { z } from "zod";

import { ImportError, PORTABLE_SCHEMA_VERSION, ZPortableDebate, type TImportReport, type TPortableDebate } from "./portable";

/**
 * Migrations from older schema versions, each turning version n into n + 1.
 * Version 1 is the first; a later change to the document adds its step here.
 */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

/** The lossless JSON export: the portable document, pretty-printed. */
export function portableToJson(debate: TPortableDebate): string {
  return JSON.stringify(debate, null, 2) + "\n";
}

/** The document's lists, checked a slice at a time. */
const LISTS = ["sources", "nodes", "relations", "teams", "revisions"] as const;
const SLICE = 500;
const ZShell = ZPortableDebate.extend(Object.fromEntries(LISTS.map((list) => [list, z.array(z.unknown())])) as Record<(typeof LISTS)[number], z.ZodArray<z.ZodUnknown>>);

/** Lets other work run between slices: a 5 MB file is thousands of records. */
const letOthersRun = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function malformed(issue: z.core.$ZodIssue, path: PropertyKey[]): ImportError {
  return new ImportError(`The debate export is malformed: ${issue.message}`, `at ${path.map(String).join(".") || "the top level"}`);
}

/**
 * Reads a JSON export of any known schema version; names the first problem it
 * finds. The lists are checked in slices with pauses between, so a large file
 * never holds the server for long.
 */
export async function jsonToPortable(text: string): Promise<{ debate: TPortableDebate; report: TImportReport }> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== "object" || document === null || !("schemaVersion" in document)) {
    throw new ImportError("The file is JSON but not a debate export: it has no schemaVersion");
  }
  let current = document as Record<string, unknown>;
  let version = Number(current.schemaVersion);
  if (!Number.isInteger(version) || version < 1 || version > PORTABLE_SCHEMA_VERSION) {
    throw new ImportError(`This debate export has schema version ${String(current.schemaVersion)}; this app reads versions 1 to ${PORTABLE_SCHEMA_VERSION}`);
  }
  for (; version < PORTABLE_SCHEMA_VERSION; version++) current = { ...MIGRATIONS[version]!(current), schemaVersion: version + 1 };
  const shell = ZShell.safeParse(current);
  if (!shell.success) throw malformed(shell.error.issues[0]!, shell.error.issues[0]!.path);
  const debate = { ...shell.data } as TPortableDebate;
  for (const list of LISTS) {
    const items: unknown[] = [];
    const element = z.array(ZPortableDebate.shape[list].element);
    for (let start = 0; start < shell.data[list].length; start += SLICE) {
      await letOthersRun();
      const parsed = element.safeParse(shell.data[list].slice(start, start + SLICE));
      if (!parsed.success) {
        const [index, ...rest] = parsed.error.issues[0]!.path;
        throw malformed(parsed.error.issues[0]!, [list, start + Number(index), ...rest]);
      }
      items.push(...parsed.data);
    }
    (debate as Record<string, unknown>)[list] = items;
  }
  return { debate, report: { format: "json", nodes: debate.nodes.length, relations: debate.relations.length, dropped: {}, repairs: [] } };
}
