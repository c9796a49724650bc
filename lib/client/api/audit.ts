import { ZAuditPage } from "@/lib/schemas/audit";

import { request } from "./request";

/** GET …/audit?before=<entry id>: the page of the audit log older than that entry. */
export const getAuditPage = (slug: string, before: string) => request("GET", `/api/debates/${slug}/audit?before=${encodeURIComponent(before)}`, ZAuditPage);
