import { aifToPortable, portableToAif } from "./aif";
import { argdownToPortable, portableToArgdown } from "./argdown";
import type { TImportOptions } from "./import-options";
import { jsonToPortable, portableToJson } from "./json";
import type { TImportReport, TPortableDebate } from "./portable";

export const FORMATS = ["json", "aif", "argdown"] as const;
export type TFormat = (typeof FORMATS)[number];

type Format = {
  contentType: string;
  extension: string;
  write: (debate: TPortableDebate) => string;
  /** JSON is read in slices, with pauses between them (see jsonToPortable). */
  read: (text: string, options: TImportOptions) => { debate: TPortableDebate; report: TImportReport } | Promise<{ debate: TPortableDebate; report: TImportReport }>;
};

/** Every interchange format, both ways. */
export const FORMAT: Record<TFormat, Format> = {
  json: { contentType: "application/json", extension: "json", write: portableToJson, read: (text) => jsonToPortable(text) },
  aif: { contentType: "application/json", extension: "aif.json", write: portableToAif, read: aifToPortable },
  argdown: { contentType: "text/plain; charset=utf-8", extension: "argdown", write: portableToArgdown, read: argdownToPortable },
};
