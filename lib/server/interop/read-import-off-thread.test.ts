import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { PORTABLE_SCHEMA_VERSION } from "@/lib/interop/portable";

import { readImportOffThread } from "./read-import-off-thread";

const requestBody = (content: string) => new TextEncoder().encode(JSON.stringify({ format: "json", fileName: "file.json", content, perspective: "neutral" }));

/** A valid export of `count` statements. */
function exportOf(count: number): string {
  return JSON.stringify({
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: "A debate", description: null, moderationMode: "open", phase: "open", anonymous: false },
    article: { title: "An article", author: null, publisher: null, publishedAt: null, url: null, perspective: "neutral", text: "The article." },
    sources: [],
    nodes: Array.from({ length: count }, (_, i) => ({ key: `n${i}`, kind: "claim", text: `Statement ${i}, which says something.`, attributedTo: null, anchor: null, sourceKeys: [], status: "approved", author: null, team: null })),
    relations: [],
    teams: [],
    revisions: [],
  });
}

async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readImportOffThread", () => {
  it("hands back the checked document whole, in the file's order, across many pieces", { timeout: 60_000 }, async () => {
    const { debate, report, fileName } = await readImportOffThread(requestBody(exportOf(1200)));
    expect(fileName).toBe("file.json");
    expect(debate.nodes.map((n) => n.key)).toEqual(Array.from({ length: 1200 }, (_, i) => `n${i}`));
    expect(debate.nodes.every((n) => n.sourceKeys[0] === "imported-file")).toBe(true);
    expect(debate.sources.map((s) => s.key)).toEqual(["imported-file"]);
    expect(report).toMatchObject({ format: "json", nodes: 1200, relations: 0 });
  });

  it("refuses a body that is not JSON as the route would, with a 400", { timeout: 60_000 }, async () => {
    const error = await refusal(readImportOffThread(new TextEncoder().encode("{not json")));
    expect(error.toBody()).toEqual({ code: "BAD_REQUEST", message: "The request body is not valid JSON." });
  });

  it("answers 422, and the process carries on, when reading a file would take more memory or time than allowed", { timeout: 60_000 }, async () => {
    const memory = await refusal(readImportOffThread(requestBody(exportOf(40_000)), { heapMb: 8, timeMs: 60_000 }));
    expect(memory.toBody()).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/more memory than an import may use/) });
    const time = await refusal(readImportOffThread(requestBody(exportOf(10)), { heapMb: 512, timeMs: 1 }));
    expect(time.toBody()).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/took longer than 0.001 s/) });
    // The next import is read as usual.
    expect((await readImportOffThread(requestBody(exportOf(3)))).debate.nodes).toHaveLength(3);
  });
});
