import "server-only";

import { AppError } from "@/lib/errors";

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is too large (over ${Math.round(maxBytes / 1000)} kB).`);

/**
 * A request's body as text, read chunk by chunk so that a body over
 * `maxBytes` is refused (413) as soon as it passes the limit, or at once when
 * its Content-Length says so, and never held whole in memory. The rest of the
 * stream is cancelled, so the client's upload stops there. Bytes that are not
 * UTF-8 are refused rather than silently replaced.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
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
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, length));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8 text.");
  }
}

/** A request's JSON body, read as readBodyText reads it. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}
