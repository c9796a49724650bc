import { z } from "zod";

import { ZAnchor, ZNodeKind } from "./domain";
import { kindProblem, type TLinkType } from "./link-kinds";
import { MAX_SOURCES, ZSourceCitation, optionalText } from "./source";
import { ZVersion, boundedText } from "./text";

export const MAX_STATEMENT_LENGTH = 600;

export const ZStatementText = boundedText(3, MAX_STATEMENT_LENGTH, {
  tooShort: "Write the statement (at least 3 characters).",
  tooLong: `A statement has at most ${MAX_STATEMENT_LENGTH} characters.`,
});

/** Where a new node goes: for or against an existing node, or beside a premise as its co-premise. */
export const ZNodeLink = z.discriminatedUnion("type", [
  z.object({ type: z.literal("supports"), targetId: z.uuid("Pick the statement this supports.") }),
  z.object({ type: z.literal("attacks"), targetId: z.uuid("Pick the statement this attacks.") }),
  z.object({ type: z.literal("co-premise"), premiseId: z.uuid("Pick the premise this works together with.") }),
]) satisfies z.ZodType<{ type: TLinkType }>;
export type TNodeLink = z.infer<typeof ZNodeLink>;

/**
 * A new node. A sourced argument links to a node already on the map and cites
 * at least one source. A mapped passage is anchored to a span of the article,
 * cites the article, and may start unlinked (a thesis always does).
 */
export const ZCreateNodeRequest = z
  .object({
    kind: ZNodeKind,
    text: ZStatementText,
    /** Whose position the statement states, when it is not the article author's own. */
    attributedTo: optionalText(200, "“Attributed to”", { singleLine: true }),
    anchor: ZAnchor.optional(),
    link: ZNodeLink.optional(),
    sources: z.array(ZSourceCitation).max(MAX_SOURCES, `Cite at most ${MAX_SOURCES} sources.`).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.anchor && value.sources.length === 0) ctx.addIssue({ code: "custom", path: ["sources"], message: "Cite at least one source." });
    if (!value.link) {
      if (!value.anchor) ctx.addIssue({ code: "custom", path: ["link"], message: "Pick the statement this supports or attacks." });
      return;
    }
    const problem = kindProblem(value.kind, value.link.type);
    if (problem) ctx.addIssue({ code: "custom", path: ["kind"], message: problem });
  });
/** What the form sends. */
export type TCreateNodeRequest = z.input<typeof ZCreateNodeRequest>;
/** What the server works with, after parsing. */
export type TCreateNodeInput = z.output<typeof ZCreateNodeRequest>;

export const ZUpdateNodeRequest = z.object({
  text: ZStatementText,
  /** The version the edit started from; a stale one gets 409 with the current node. */
  version: ZVersion,
});
export type TUpdateNodeRequest = z.infer<typeof ZUpdateNodeRequest>;

export const ZDeleteNodeQuery = z.object({ version: z.coerce.number().pipe(ZVersion) });

/** DELETE …/nodes/{nodeId}: what left the map with it. */
export const ZDeletedNode = z.object({ deletedNodeId: z.string(), deletedRelationIds: z.array(z.string()) });
export type TDeletedNode = z.infer<typeof ZDeletedNode>;
