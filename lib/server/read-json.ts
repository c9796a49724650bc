import "server-only";

import { AppError } from "@/lib/errors";

import { decodeUtf8, parseJsonText } from "./decode-body";

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is too large (over ${Math.round(maxBytes / 1000)} kB).`);

/**
 * A request's body, read chunk by chunk so that a body over `maxBytes` is
 * refused (413) as soon as it passes the limit, or at once when its
 * Content-Length says so, and never held whole in memory. The rest of the
 * stream is cancelled, so the client's upload stops there.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new AppError("BAD_REQUEST", "The request body could not be read.");
      }
      if (next.done) break;
      length += next.value.byteLength;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(next.value);
    }
  }
  return Buffer.concat(chunks, length);
}

/** A request's body as text, read as readBodyBytes reads it. Bytes that are not UTF-8 are refused rather than silently replaced. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return decodeUtf8(await readBodyBytes(request, maxBytes));
}

/** A request's JSON body, read as readBodyText reads it. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  return parseJsonText(await readBodyText(request, maxBytes));
}
