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

/** Reads a JSON export of any known schema version; names the first problem it finds. */
export function jsonToPortable(text: string): { debate: TPortableDebate; report: TImportReport } {
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
  const parsed = ZPortableDebate.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`The debate export is malformed: ${issue.message}`, `at ${issue.path.join(".") || "the top level"}`);
  }
  const { nodes, relations } = parsed.data;
  return { debate: parsed.data, report: { format: "json", nodes: nodes.length, relations: relations.length, dropped: {}, repairs: [] } };
}
