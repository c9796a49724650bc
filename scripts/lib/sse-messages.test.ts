import { describe, expect, it } from "vitest";

import { sseMessages, type SseMessage } from "./sse-messages";

/** A stream that delivers `chunks` one by one, as a network might split them. */
function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  for await (const message of sseMessages(streamOf(chunks))) messages.push(message);
  return messages;
}

describe("sseMessages", () => {
  it("reads messages split anywhere across chunks, skipping comments and retry", async () => {
    expect(await collect(["retry: 1000\n\n: heart", "beat\n\nid: 7\nda", "ta: {\"a\":1}\n", "\nid: 8\r\ndata: two\r\n\r\n"])).toEqual([
      { id: "7", data: '{"a":1}' },
      { id: "8", data: "two" },
    ]);
  });

  it("joins multi-line data, keeps the last id for messages without one, and drops an unfinished message", async () => {
    expect(await collect(["id: 3\ndata: first\ndata:second\n\ndata: third\n\ndata: cut off"])).toEqual([
      { id: "3", data: "first\nsecond" },
      { id: "3", data: "third" },
    ]);
  });

  it("stops when its signal aborts", async () => {
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode("data: one\n\n")) });
    const messages = sseMessages(body, abort.signal);
    expect((await messages.next()).value).toEqual({ id: null, data: "one" });
    const pending = messages.next();
    abort.abort();
    expect((await pending).done).toBe(true);
  });
});
