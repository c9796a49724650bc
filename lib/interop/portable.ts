import { z } from "zod";

import { ZArticleFields } from "@/lib/schemas/article";
import { ZNodeKind, ZPerspective, ZRelationType, ZStatus } from "@/lib/schemas/domain";
import { ZCalendarDate, ZHttpUrl, ZStoredInt, ZTimestamp, ZVersion, checkedJson, checkedText, jsonProblem } from "@/lib/schemas/text";

/**
 * A whole debate in a form that travels: every reference is a key local to
 * the file, never a database id. The JSON export is this document; the AIF
 * and Argdown importers produce it too, so one function writes any import.
 */
export const PORTABLE_SCHEMA_VERSION = 1;

const ZKey = checkedText(1, 200);
/** How deep a revision's before/after may nest: the app's own snapshots are two levels. */
const MAX_SNAPSHOT_DEPTH = 16;

/** How much data one statement may carry from its file, as JSON characters. */
const MAX_NODE_DATA = 10_000;

/**
 * A statement's own data from the file it came from, such as an Argdown data
 * block's `{credence: 0.7}`: kept and exported as it is, never read by the app.
 */
export const ZNodeData = z.record(z.string(), z.unknown()).superRefine((data, ctx) => {
  const problem = jsonProblem(data, MAX_SNAPSHOT_DEPTH) ?? (JSON.stringify(data).length > MAX_NODE_DATA ? `It has more than ${MAX_NODE_DATA} characters as JSON.` : null);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const ZPortableSource = z.object({
  key: ZKey,
  title: checkedText(1, 300),
  author: checkedText(0, 200).nullable(),
  publisher: checkedText(0, 200).nullable(),
  url: ZHttpUrl.nullable(),
  publishedAt: ZCalendarDate.nullable(),
  quote: checkedText(0, 2000).nullable(),
  perspective: ZPerspective,
  /** The source that is the debate's article itself. */
  isArticle: z.boolean(),
});

export const ZPortableNode = z.object({
  key: ZKey,
  kind: ZNodeKind,
  text: checkedText(1, 5000),
  attributedTo: checkedText(0, 300).nullable(),
  anchor: z.object({ start: ZStoredInt, end: ZStoredInt.min(1) }).nullable(),
  sourceKeys: z.array(ZKey),
  status: ZStatus,
  /** Display name of the author, when a person added it. */
  author: checkedText(0, 200).nullable(),
  team: checkedText(0, 100).nullable(),
  /** The case that team argued when the node was written; files without it get the team's case. */
  teamSide: ZPerspective.nullable().optional(),
  /** The node's version, so its history continues where it left off (1 when absent). */
  version: ZVersion.optional(),
  data: ZNodeData.nullable().optional(),
});

export const ZPortableRelation = z.object({
  key: ZKey,
  from: ZKey,
  to: ZKey,
  type: ZRelationType,
  /** Relations sharing a group key are linked co-premises of one target. */
  group: ZKey.nullable(),
  status: ZStatus,
  version: ZVersion.optional(),
});

export const ZPortableTeam = z.object({ name: checkedText(1, 100), colour: checkedText(0, 30), perspective: ZPerspective });

export const ZPortableRevision = z.object({
  entity: z.enum(["node", "relation"]),
  key: ZKey,
  version: ZVersion,
  action: z.enum(["create", "update", "delete", "restore", "approve", "reject"]),
  actor: checkedText(0, 200).nullable(),
  at: ZTimestamp,
  before: checkedJson(MAX_SNAPSHOT_DEPTH).nullable(),
  after: checkedJson(MAX_SNAPSHOT_DEPTH).nullable(),
  reason: checkedText(0, 2000).nullable(),
});

export const ZPortableDebate = z.object({
  schemaVersion: z.literal(PORTABLE_SCHEMA_VERSION),
  debate: z.object({
    title: checkedText(1, 300),
    description: checkedText(0, 5000).nullable(),
    moderationMode: z.enum(["open", "premoderated"]),
    phase: z.enum(["open", "closed", "archived"]),
    anonymous: z.boolean(),
  }),
  article: ZArticleFields.extend({ text: checkedText(0, 500_000) }),
  sources: z.array(ZPortableSource),
  nodes: z.array(ZPortableNode),
  relations: z.array(ZPortableRelation),
  teams: z.array(ZPortableTeam),
  revisions: z.array(ZPortableRevision),
});

export type TPortableDebate = z.infer<typeof ZPortableDebate>;
export type TPortableNode = z.infer<typeof ZPortableNode>;
export type TPortableRelation = z.infer<typeof ZPortableRelation>;
export type TPortableSource = z.infer<typeof ZPortableSource>;

/** What an import kept, dropped and repaired, for the person who imported. */
export type TImportReport = {
  format: "json" | "aif" | "argdown";
  nodes: number;
  relations: number;
  /** e.g. { "L-node": 16, "YA-node": 14 }: what the format has and the app does not. */
  dropped: Record<string, number>;
  /** Sentences saying what was changed to fit, e.g. "3 statements without a source cite the imported file". */
  repairs: string[];
};

/** Checks what a converter built against the document schema; the first problem stops the import. */
export function validPortable(debate: TPortableDebate): TPortableDebate {
  const checked = ZPortableDebate.safeParse(debate);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  throw new ImportError(`The imported debate does not fit the app: ${issue.path.map(String).join(".")} ${issue.message}`);
}

/** An import that cannot proceed: says what and where (a line, a node id). */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${message} (${where})` : message);
    this.name = "ImportError";
  }
}
