import { ZCreatedDebate, type TCreateDebateRequest } from "@/lib/schemas/debate";
import { ZDebateSettings, type TDebateSettingsRequest } from "@/lib/schemas/debate-settings";
import { ZImportResult, type TImportRequest } from "@/lib/schemas/import";
import { ZMapDocument } from "@/lib/schemas/map";

import { request } from "./request";

/** GET /api/debates/{slug}: the whole map as this viewer may see it. */
export const getMap = (slug: string) => request("GET", `/api/debates/${slug}`, ZMapDocument);

/** POST /api/debates: a new debate on a pasted article. */
export const createDebate = (body: TCreateDebateRequest) => request("POST", "/api/debates", ZCreatedDebate, body);

/** POST /api/debates/import: a file becomes a new debate. */
export const importDebate = (body: TImportRequest) => request("POST", "/api/debates/import", ZImportResult, body);

/** PATCH /api/debates/{slug}/settings. */
export const updateSettings = (slug: string, body: TDebateSettingsRequest) => request("PATCH", `/api/debates/${slug}/settings`, ZDebateSettings, body);
