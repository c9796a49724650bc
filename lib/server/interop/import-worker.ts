/**
 * The import's worker thread: reads and checks one import request's body
 * (readImport) and hands the checked document back in pieces, so that taking
 * each piece in costs the server's event loop little. Started, bounded and
 * stopped by read-import-off-thread.ts.
 */
import { parentPort } from "node:worker_threads";

import { AppError, type TErrorBody } from "@/lib/errors";
import type { TPortableDebate } from "@/lib/interop/portable";

import { readImport, type TCheckedImport } from "./read-import";

/** The document's lists, which hold whatever makes a file large. */
type TList = "sources" | "nodes" | "relations" | "teams" | "revisions";

export type TWorkerMessage =
  | { type: "head"; fileName: string; report: TCheckedImport["report"]; debate: Omit<TPortableDebate, TList> }
  | { type: "items"; list: TList; items: unknown[] }
  | { type: "done" }
  | { type: "refused"; error: TErrorBody }
  | { type: "failed"; message: string };

/** Items per piece, and about how many characters of JSON a piece holds at most. */
const PIECE_ITEMS = 250;
const PIECE_CHARS = 100_000;

function* pieces(items: readonly unknown[]): Generator<unknown[]> {
  let piece: unknown[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (piece.length > 0 && (piece.length >= PIECE_ITEMS || chars + size > PIECE_CHARS)) {
      yield piece;
      piece = [];
      chars = 0;
    }
    piece.push(item);
    chars += size;
  }
  if (piece.length > 0) yield piece;
}

const port = parentPort!;
/**
 * The thread that started this one asks for each next piece: a port hands
 * over every message that has arrived in one go, so pieces sent without
 * waiting would be taken in as one long block.
 */
const nextWanted = () => new Promise<void>((resolve) => port.once("message", () => resolve()));

port.once("message", async (body: Uint8Array) => {
  const post = (message: TWorkerMessage) => port.postMessage(message);
  try {
    const { fileName, report, debate } = await readImport(body);
    const { sources, nodes, relations, teams, revisions, ...rest } = debate;
    post({ type: "head", fileName, report, debate: rest });
    for (const [list, items] of Object.entries({ sources, nodes, relations, teams, revisions }) as [TList, unknown[]][]) {
      for (const piece of pieces(items)) {
        await nextWanted();
        post({ type: "items", list, items: piece });
      }
    }
    await nextWanted();
    post({ type: "done" });
  } catch (error) {
    if (error instanceof AppError) post({ type: "refused", error: error.toBody() });
    else post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
