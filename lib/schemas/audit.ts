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

export const ZAuditEntry = z.object({ id: z.string(), action: z.string(), actorName: z.string().nullable(), detail: z.unknown(), createdAt: z.string() });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** One page of the audit log, newest first; `nextBefore` asks for the next page, null on the last. */
export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextBefore: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
