"use client";

import type { TMapNode, TMapRelation } from "@/lib/schemas/map";
import { KIND_GLYPH, KIND_LABEL, PERSPECTIVE_LABEL, STATUS_LABEL } from "@/lib/labels";
import { teamSideWords } from "@/lib/teams/team-stance";

import { allows } from "@/components/map-store/map-store";
import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

import { NodeActions } from "./node-actions";
import { NodeEditor } from "./node-editor";
import { NodeHistory } from "./node-history";
import { PerspectiveBadges } from "./perspective-badges";
import { TeamBadge } from "./team-badge";

/** Everything about one node: full text, kind, sources, quoted span, relations in and out, history; and what one may do with it. */
export function DetailsPanel({ node }: { node: TMapNode }) {
  const doc = useMapStore((s) => s.doc);
  const isSignedIn = useMapStore((s) => s.viewer !== null);
  const canRedact = useMapStore((s) => allows(s, "revision:redact"));
  const isEditing = useMapStore((s) => s.editingId === node.id);
  const { bringIntoView, select, applySaved, applyCurrent, stopEditing, sending } = useMapActions();
  const slug = doc.debate.slug;
  const nodeById = new Map(doc.nodes.map((n) => [n.id, n]));
  const sources = doc.sources.filter((s) => node.sourceIds.includes(s.id));
  const incoming = doc.relations.filter((r) => r.toId === node.id);
  const outgoing = doc.relations.filter((r) => r.fromId === node.id);
  const quote = node.anchor ? doc.article.text.slice(node.anchor.start, node.anchor.end) : null;
  const perspectives = [...new Set(sources.map((s) => s.perspective))];
  const author = node.authorId ? doc.authors.find((a) => a.id === node.authorId) : undefined;
  const team = node.teamId ? doc.teams.find((t) => t.id === node.teamId) : undefined;

  const relationItem = (otherId: string, phrase: string, relation: TMapRelation) => {
    const other = nodeById.get(otherId);
    if (!other) return null;
    const notes = [relation.groupId !== null && "linked", relation.status !== "approved" && STATUS_LABEL[relation.status].toLowerCase()].filter(Boolean);
    return (
      <li key={relation.id}>
        <span className="details__phrase">{phrase}{notes.length > 0 ? ` (${notes.join(", ")})` : ""}</span>{" "}
        <button type="button" className="link-button" onClick={() => bringIntoView(other.id)}>
          {KIND_LABEL[other.kind]}: {other.text}
        </button>
      </li>
    );
  };

  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details__top">
        <h2 id="details-title" className={`details__kind details__kind--${node.kind}`}>
          <span aria-hidden="true">{KIND_GLYPH[node.kind]}</span> {KIND_LABEL[node.kind]}
        </h2>
        <button type="button" className="icon-button" onClick={() => select(null)} aria-label="Close details">
          ×
        </button>
      </div>
      {node.status !== "approved" && (
        <div className={`details__status details__status--${node.status}`}>
          <p>
            <strong>{STATUS_LABEL[node.status]}.</strong>{" "}
            {node.status === "pending"
              ? "Only its author and the debate's moderators see it until a moderator approves it."
              : "Only its author and the debate's moderators see it."}
          </p>
          {node.status === "rejected" && <p>Rejected by a moderator: {node.rejectionReason ?? "no reason was given."}</p>}
        </div>
      )}
      {isEditing ? (
        <NodeEditor
          key={node.id}
          slug={slug}
          node={node}
          onSaved={(saved) => applySaved(saved, "Saved.")}
          onKeptCurrent={(current) => applyCurrent(current, "Kept the current version; your draft was not saved.")}
          onCancel={stopEditing}
          sending={sending}
        />
      ) : (
        <p className="details__text">{node.text}</p>
      )}
      {isSignedIn && !isEditing && <NodeActions node={node} />}
      {author && (
        <p className="details__author">
          Added by {author.label}
          {team && (
            <>
              {" · "}
              <TeamBadge team={team} />
              {node.teamSide && ` (${teamSideWords(node.teamSide, team.perspective)})`}
            </>
          )}
        </p>
      )}
      {node.attributedTo && (
        <p className="details__attribution">
          <strong>Position of:</strong> {node.attributedTo}
        </p>
      )}
      <h3>Sources</h3>
      <PerspectiveBadges perspectives={perspectives} />
      <ul className="details__sources">
        {sources.map((s) => (
          <li key={s.id}>
            {s.url ? <a href={s.url} rel="noreferrer noopener" target="_blank">{s.title}</a> : <cite>{s.title}</cite>}
            {s.isArticle && " (the debate's article)"}
            {" · "}
            {PERSPECTIVE_LABEL[s.perspective]} perspective
          </li>
        ))}
      </ul>
      {quote && (
        <>
          <h3>Quoted passage</h3>
          <blockquote className="details__quote">{quote}</blockquote>
        </>
      )}
      <h3>Relations</h3>
      {incoming.length + outgoing.length === 0 && <p>None yet.</p>}
      <ul className="details__relations">
        {outgoing.map((r) => relationItem(r.toId, `This ${r.type === "supports" ? "supports" : "attacks"}`, r))}
        {incoming.map((r) => relationItem(r.fromId, r.type === "supports" ? "Supported by" : "Attacked by", r))}
      </ul>
      <NodeHistory slug={slug} nodeId={node.id} version={node.version} canRedact={canRedact} />
    </aside>
  );
}
