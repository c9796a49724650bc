import type { TNodeKind } from "@/lib/schemas/domain";

type Statement = { kind: TNodeKind; text: string; attributedTo?: string | null; anchor?: { start: number; end: number } | null };

/**
 * The node columns a statement's kind, text, attribution and anchor are
 * stored in. Not marked server-only: the seed, run outside Next, writes
 * statements the same way.
 */
export function statementColumns({ kind, text, attributedTo, anchor }: Statement) {
  return { kind, text, attributedTo: attributedTo ?? null, anchorStart: anchor?.start ?? null, anchorEnd: anchor?.end ?? null };
}
