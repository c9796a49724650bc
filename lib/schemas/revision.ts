import { z } from "zod";

import { boundedText } from "./text";

/**
 * One change to a node as its history shows it. A redacted one carries
 * `redaction` and no text (before and after null), but for the debate's
 * owner, who reads the text and is told who redacted it.
 */
export type TRevision = {
  id: string;
  version: number;
  action: string;
  actorName: string | null;
  createdAt: string;
  before: unknown;
  after: unknown;
  redaction?: { at: string; by: string | null };
};

/** POST …/nodes/{nodeId}/revisions/{revisionId}/redact: why, for the audit log. */
export const ZRedactRevisionRequest = z.object({
  reason: boundedText(0, 300, { tooShort: "", tooLong: "A reason has at most 300 characters." }).optional(),
});
export type TRedactRevisionRequest = z.infer<typeof ZRedactRevisionRequest>;
