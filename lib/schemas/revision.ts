import { z } from "zod";

import { boundedText } from "./text";

/**
 * One change to a node as its history shows it. A redacted one carries
 * `redaction` and no text (before and after null), but for the debate's
 * owner, who reads the text and is told who redacted it.
 */
export const ZRevision = z.object({
  id: z.string(),
  version: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  redaction: z.object({ at: z.string(), by: z.string().nullable() }).optional(),
});
export type TRevision = z.infer<typeof ZRevision>;

/** GET …/nodes/{nodeId}/revisions: newest first. */
export const ZRevisionList = z.object({ revisions: z.array(ZRevision) });
export type TRevisionList = z.infer<typeof ZRevisionList>;

/** POST …/nodes/{nodeId}/revisions/{revisionId}/redact: why, for the audit log. */
export const ZRedactRevisionRequest = z.object({
  reason: boundedText(0, 300, { tooShort: "", tooLong: "A reason has at most 300 characters." }).optional(),
});
export type TRedactRevisionRequest = z.infer<typeof ZRedactRevisionRequest>;

export const ZRedactedRevision = z.object({ revisionId: z.string(), redactedAt: z.string() });
export type TRedactedRevision = z.infer<typeof ZRedactedRevision>;
