"use client";

import { memo } from "react";

import { Handle, useStore, type NodeProps } from "@xyflow/react";

import { attributionText } from "@/lib/graph/node-size";
import { SIDES, type StatementNode as StatementFlowNode } from "./to-flow";
import { KIND_GLYPH, KIND_LABEL, STATUS_LABEL } from "@/lib/labels";

import { PerspectiveBadges } from "../debate/perspective-badges";
import { TeamBadge } from "../debate/team-badge";

/**
 * Below this zoom a statement's text is under 4 px high: the node shows its
 * kind alone (its name and text stay in its label and tooltip), so an
 * overview of a large map renders in about two thirds of the time.
 */
const OVERVIEW_ZOOM = 0.3;

function StatementNodeView({ data, selected }: NodeProps<StatementFlowNode>) {
  // Said in words on the node, not only by its dashed or muted outline.
  const status = data.status === "approved" ? null : STATUS_LABEL[data.status];
  const isOverview = useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  return (
    <div
      className={`statement statement--${data.kind}${status ? ` statement--${data.status}` : ""}${selected ? " is-selected" : ""}`}
      title={data.attributedTo ? `${data.text}\n(${attributionText(data.attributedTo)})` : data.text}
      aria-label={`${KIND_LABEL[data.kind]}${status ? ` (${status.toLowerCase()})` : ""}: ${data.text}${data.team ? ` (team ${data.team.name})` : ""}`}
    >
      {SIDES.map(([id, position]) => (
        <Handle key={id} id={id} type="source" position={position} isConnectable={false} className="statement__handle" />
      ))}
      <div className="statement__header">
        <span className="statement__kind">
          <span aria-hidden="true">{KIND_GLYPH[data.kind]}</span> {KIND_LABEL[data.kind]}
        </span>
        {!isOverview && <PerspectiveBadges perspectives={data.perspectives} compact />}
      </div>
      {!isOverview && <StatementBody data={data} status={status} />}
    </div>
  );
}

function StatementBody({ data, status }: { data: StatementFlowNode["data"]; status: string | null }) {
  return (
    <>
      {status && <p className="statement__status">{status}</p>}
      <p className="statement__text" style={{ WebkitLineClamp: data.lines }}>
        {data.text}
      </p>
      {data.attributedTo && (
        <p className="statement__attribution" style={{ WebkitLineClamp: data.attributionLines }}>
          {attributionText(data.attributedTo)}
        </p>
      )}
      {data.team && (
        <p className="statement__team">
          <TeamBadge team={data.team} />
        </p>
      )}
    </>
  );
}

export const StatementNode = memo(StatementNodeView);
