import { AppError, invalidFields } from "@/lib/errors";
import { checkPortable } from "@/lib/interop/check-portable";
import { FORMAT } from "@/lib/interop/formats";
import { ImportError, type TImportReport, type TPortableDebate } from "@/lib/interop/portable";
import { ZImportRequest } from "@/lib/schemas/import";
import { decodeUtf8, parseJsonText } from "@/lib/server/decode-body";

/** The key of the source that statements without one cite: the imported file. */
const FALLBACK_SOURCE = "imported-file";

/** An import request read and checked, ready to be written: nothing in it can make the write refuse. */
export type TCheckedImport = { fileName: string; debate: TPortableDebate; report: TImportReport };

/** A converter's or the checker's refusal, as the answer to the request. */
async function refusing<T>(prefix: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("VALIDATION", `${prefix}${error.message}`);
    throw error;
  }
}

/**
 * Reads an import request's body: the request itself, then the file in its
 * format, then the references inside it. Runs in the import's worker thread
 * (see read-import-off-thread.ts): every step here is proportional to the
 * file and none may hold the server's event loop. Refusals are AppErrors.
 */
export async function readImport(body: Uint8Array): Promise<TCheckedImport> {
  const request = ZImportRequest.safeParse(parseJsonText(decodeUtf8(body)));
  if (!request.success) throw invalidFields(request.error.issues);
  const { format, fileName, content, perspective } = request.data;
  const read = await refusing("Nothing was imported. ", () => FORMAT[format].read(content, { fileName, perspective }));
  const checked = await refusing("", () => checkPortable(read.debate, FALLBACK_SOURCE));
  const { debate } = checked;
  const needsFallback = debate.nodes.some((n) => n.sourceKeys.includes(FALLBACK_SOURCE)) && !debate.sources.some((s) => s.key === FALLBACK_SOURCE);
  const sources = needsFallback
    ? [...debate.sources, { key: FALLBACK_SOURCE, title: fileName, author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective, isArticle: false }]
    : debate.sources;
  return {
    fileName,
    debate: { ...debate, sources },
    report: { ...read.report, nodes: debate.nodes.length, relations: debate.relations.length, repairs: [...read.report.repairs, ...checked.repairs] },
  };
}
