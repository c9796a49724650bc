import { AppError } from "@/lib/errors";
import { FORMAT } from "@/lib/interop/formats";
import { ImportError } from "@/lib/interop/portable";
import { MAX_IMPORT_BYTES, ZImportRequest, type TImportResult } from "@/lib/schemas/import";
import { route } from "@/lib/server/http";
import { importDebate } from "@/lib/server/interop/import-debate";

/**
 * The file travels as a JSON string, where quotes, backslashes and line breaks
 * take two bytes each: a file at the limit can make a body twice its size.
 */
const MAX_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 10_000;

/** POST /api/debates/import: a JSON, AIF or Argdown file becomes a new debate owned by the importer. */
export const POST = route({ body: ZImportRequest, status: 201, maxBodyBytes: MAX_BODY_BYTES }, async ({ actor, body }): Promise<TImportResult> => {
  let read: Awaited<ReturnType<(typeof FORMAT)["json"]["read"]>>;
  try {
    read = await FORMAT[body.format].read(body.content, { fileName: body.fileName, perspective: body.perspective });
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("VALIDATION", `Nothing was imported. ${error.message}`);
    throw error;
  }
  return importDebate({ actor, portable: read.debate, fileName: body.fileName, perspective: body.perspective, report: read.report });
});
