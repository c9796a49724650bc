"use client";

import { memo } from "react";

import { BaseEdge, Position, getBezierPath, getSmoothStepPath, type EdgeProps } from "@xyflow/react";

import type { MapEdge } from "./to-flow";

function RelationEdgeView(props: EdgeProps<MapEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected } = props;
  // Curves between rows keep crossing edges apart; within a row or a stack a
  // stepped path goes around the neighbours instead of through them.
  const isBetweenRows = sourcePosition === Position.Top && targetPosition === Position.Bottom;
  const [path, labelX, labelY] = isBetweenRows
    ? getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 18 });
  const type = data?.type ?? "supports";
  return (
    <BaseEdge
      path={path}
      markerEnd={markerEnd}
      className={`relation relation--${type}${data && data.status !== "approved" ? ` relation--${data.status}` : ""}${selected ? " is-selected" : ""}`}
      label={data?.label ?? undefined}
      labelX={labelX}
      labelY={labelY}
      labelShowBg
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
      labelStyle={{ fontSize: 11, fontWeight: 600 }}
      labelBgStyle={{ fill: "#fff" }}
      interactionWidth={12}
    />
  );
}

export const RelationEdge = memo(RelationEdgeView);
