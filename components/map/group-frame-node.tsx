"use client";

import { memo } from "react";

import type { NodeProps } from "@xyflow/react";

import type { GroupFrameNode as GroupFrameFlowNode } from "./to-flow";

function GroupFrameView({ data }: NodeProps<GroupFrameFlowNode>) {
  return (
    <div className="group-frame" aria-hidden="true">
      <span className="group-frame__label">linked premises ({data.size}): they support only together</span>
    </div>
  );
}

export const GroupFrameNode = memo(GroupFrameView);
