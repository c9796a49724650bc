import { z } from "zod";

import { ZPerspective, type TPerspective } from "@/lib/schemas/domain";

import type { TPortableSource } from "./portable";

/** What a person says about a file when importing it: its name and whose view it gives. */
export const ZImportOptions = z.object({
  fileName: z.string().trim().min(1, "Name the file.").max(300, "A file name has at most 300 characters."),
  perspective: ZPerspective,
});
export type TImportOptions = { fileName: string; perspective: TPerspective };

/** The file name as a title: trimmed, at most 300 characters, never empty. */
export function fileTitle(fileName: string): string {
  const title = fileName.trim().slice(0, 300);
  return title.length > 0 ? title : "Imported file";
}

/**
 * The imported file as a source: formats without citations (AIF, Argdown)
 * have every statement cite the file itself, which is also the article.
 */
export function importedFileSource(options: TImportOptions, key = "imported-file"): TPortableSource {
  return {
    key,
    title: fileTitle(options.fileName),
    author: null,
    publisher: null,
    url: null,
    publishedAt: null,
    quote: null,
    perspective: options.perspective,
    isArticle: true,
  };
}
