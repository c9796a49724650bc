import { z } from "zod";

export const MAX_AUDIT_PAGE = 100;

/** ?before=<id of the last entry seen>&limit=N: the page of entries older than that one. */
export const ZAuditQuery = z.object({
  before: z.uuid("`before` is the id of an audit entry.").optional(),
  limit: z.coerce
    .number("`limit` is a number.")
    .int("`limit` is a whole number.")
    .min(1, "`limit` is at least 1.")
    .max(MAX_AUDIT_PAGE, `\`limit\` is at most ${MAX_AUDIT_PAGE}.`)
    .default(50),
});

export type TAuditEntry = { id: string; action: string; actorName: string | null; detail: unknown; createdAt: string };
/** One page of the audit log, newest first; `nextBefore` asks for the next page, null on the last. */
export type TAuditPage = { entries: TAuditEntry[]; nextBefore: string | null };
