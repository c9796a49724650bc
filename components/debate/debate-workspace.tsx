"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";

import { ReactFlowProvider } from "@xyflow/react";

import { can, type Action, type Viewer as TViewer } from "@/lib/authz/can";
import { deleteNode } from "@/lib/client/api/nodes";
import { NO_FILTERS, filterMap, type MapFilters } from "@/lib/graph/filter-map";
import { withCreated, withNode, withRelation, withoutNode } from "@/lib/graph/map-changes";
import { toFlow } from "@/lib/graph/to-flow";
import type { TAnchor } from "@/lib/schemas/domain";
import type { TMapDocument, TMapNode } from "@/lib/schemas/map";

import { ArticlePanel } from "../article/article-panel";
import { MapPassageDialog } from "../article/map-passage-dialog";
import { DebateCanvas } from "../map/debate-canvas";
import { ExportMenu } from "../map/export-menu";
import { MapFiltersBar } from "../map/map-filters";
import { MapLegend } from "../map/map-legend";
import { AddArgumentDialog, type AddMode } from "./add-argument-dialog";
import { DebateHeader } from "./debate-header";
import { DetailsPanel } from "./details-panel";
import { LinkDialog } from "./link-dialog";
import { acceptsCoPremise, isLinkable, type NodeAction } from "./node-actions";
import { useLiveMap } from "./use-live-map";

type Viewer = TViewer | null;

const subscribeToNothing = () => () => {};
const PENDING_NOTE = "Sent for review: only you and the moderators see it until a moderator approves it.";

type OpenDialog = { type: "add"; mode: AddMode; nodeId: string } | { type: "link"; nodeId: string } | { type: "passage"; anchor: TAnchor } | null;

const SHORTCUTS: Record<string, NodeAction> = {
  s: { type: "add", mode: "supports" },
  r: { type: "add", mode: "attacks" },
  c: { type: "add", mode: "co-premise" },
  l: { type: "link" },
  e: { type: "edit" },
};

/** What the rule table calls each action on a node. */
const ACTION_RULE = { add: "node:create", link: "relation:create", edit: "node:update", delete: "node:delete" } as const satisfies Record<NodeAction["type"], Action>;

const TOAST_MS = 8000;

const PHASE_NOTICE = {
  closed: "This debate is closed: the map is read-only for everyone but its owner.",
  archived: "This debate is archived: its map can no longer change.",
} as const;

/** The map page: article on the left, canvas in the middle, details of the selected node on the right. */
export function DebateWorkspace({ initialDoc, viewer, oversees, account }: { initialDoc: TMapDocument; viewer: Viewer; oversees: boolean; account: ReactNode }) {
  const [doc, setDoc] = useState(initialDoc);
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const slug = doc.debate.slug;
  const liveNews = useLiveMap(doc, (next) => {
    setDoc(next);
    setSelectedId((id) => (id && next.nodes.some((n) => n.id === id) ? id : null));
  });

  const shown = useMemo(() => filterMap(doc, filters), [doc, filters]);
  // The layout runs in the browser only: the server sends the page at once and
  // the canvas appears when its layout is ready.
  const isBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const flow = useMemo(() => (isBrowser ? toFlow(shown) : null), [shown, isBrowser]);
  const selected = selectedId ? doc.nodes.find((n) => n.id === selectedId) : undefined;
  const canMapArticle = viewer !== null && can(viewer, "node:anchor", { phase: doc.debate.phase, hasOwner: doc.debate.hasOwner }).allowed;

  const mayChange = useCallback(
    (node: TMapNode) => viewer !== null && can(viewer, "node:update", { phase: doc.debate.phase, hasOwner: doc.debate.hasOwner }, node).allowed,
    [viewer, doc.debate.phase, doc.debate.hasOwner],
  );

  const selectAndFocus = useCallback((id: string) => {
    setSelectedId(id);
    setEditingId(null);
    setFocusRequest((n) => n + 1);
  }, []);

  const runAction = useCallback(
    async (node: TMapNode, action: NodeAction) => {
      if (!viewer) return;
      // The page may have been open since the debate closed, or the viewer
      // may only read: say why, rather than open a form the server refuses.
      const refusal = can(viewer, ACTION_RULE[action.type], { phase: doc.debate.phase, hasOwner: doc.debate.hasOwner }, node);
      if (!refusal.allowed) {
        setStatus(refusal.reason);
        return;
      }
      if ((action.type === "add" || action.type === "link") && !isLinkable(node)) return;
      if (action.type === "add") {
        const supportsSomething = doc.relations.some((r) => r.fromId === node.id && r.type === "supports");
        if (action.mode === "co-premise" && !acceptsCoPremise(node, supportsSomething)) return;
        setDialog({ type: "add", mode: action.mode, nodeId: node.id });
      } else if (action.type === "link") {
        setDialog({ type: "link", nodeId: node.id });
      } else {
        if (action.type === "edit") setEditingId(node.id);
        else if (window.confirm("Delete this statement and its links from the map? It stays in the history.")) {
          try {
            await deleteNode(slug, node.id, node.version);
            setDoc((d) => withoutNode(d, node.id));
            setSelectedId(null);
            setStatus("Deleted. The statement is kept in the history.");
          } catch (e) {
            setStatus(e instanceof Error ? e.message : "The statement could not be deleted.");
          }
        }
      }
    },
    [doc.relations, doc.debate.phase, doc.debate.hasOwner, slug, viewer],
  );

  // A message stays long enough to read, then leaves the map clear (the live region keeps it for screen readers).
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(""), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (!selected || !viewer || dialog || editingId) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable]")) return;
      const action = SHORTCUTS[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      void runAction(selected, action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, viewer, dialog, editingId, runAction]);

  const dialogNode = dialog && "nodeId" in dialog ? doc.nodes.find((n) => n.id === dialog.nodeId) : undefined;

  return (
    <>
      <DebateHeader doc={doc} oversees={oversees} account={account} />
      <div className={`workspace${selected ? " has-details" : ""}`}>
        <ArticlePanel
          article={doc.article}
          nodes={doc.nodes}
          selectedId={selectedId}
          onSelect={selectAndFocus}
          onMapPassage={canMapArticle ? (anchor) => setDialog({ type: "passage", anchor }) : undefined}
        />
        <div className="workspace__map">
          <MapLegend />
          {doc.debate.phase !== "open" && <p className="phase-notice">{PHASE_NOTICE[doc.debate.phase]}</p>}
          <div className="toolbar">
            <MapFiltersBar filters={filters} viewerId={viewer?.userId ?? null} shown={shown.nodes.length} total={doc.nodes.length} onChange={setFilters} />
            <ExportMenu doc={doc} filters={filters} selectedId={selectedId} />
          </div>
          <div className="workspace__canvas">
            {doc.nodes.length === 0 && (
              <p className="canvas-empty">
                {canMapArticle ? "Select a passage in the article to start mapping. The article's main position usually becomes the thesis." : "Nothing in this debate has been mapped yet."}
              </p>
            )}
            {flow && (
              <ReactFlowProvider>
                <DebateCanvas
                  nodes={flow.nodes}
                  edges={flow.edges}
                  selectedId={selectedId}
                  focusRequest={focusRequest}
                  onSelect={setSelectedId}
                  menuFor={viewer ? (id) => doc.nodes.find((n) => n.id === id) ?? null : undefined}
                  mayChange={mayChange}
                  supportsSomething={(id) => doc.relations.some((r) => r.fromId === id && r.type === "supports")}
                  onAction={(node, action) => void runAction(node, action)}
                />
              </ReactFlowProvider>
            )}
          </div>
          {viewer && <p className="shortcut-hint">Select a statement, then press S to support it, R to rebut it, C for a co-premise, L to link it, E to edit your own.</p>}
          <p className="visually-hidden" role="status" aria-live="polite">
            {status}
          </p>
          <p className="visually-hidden" role="status" aria-live="polite">
            {liveNews}
          </p>
          {status && (
            <p className="toast" role="presentation" onClick={() => setStatus("")}>
              {status}
            </p>
          )}
        </div>
        {selected && (
          <DetailsPanel
            slug={slug}
            doc={doc}
            node={selected}
            viewerId={viewer?.userId ?? null}
            canChange={mayChange(selected)}
            canRedact={viewer !== null && can(viewer, "revision:redact", { phase: doc.debate.phase, hasOwner: doc.debate.hasOwner }).allowed}
            isEditing={editingId === selected.id}
            onAction={(action) => void runAction(selected, action)}
            onSaved={(node) => {
              setDoc((d) => withNode(d, node));
              setEditingId(null);
              setStatus("Saved.");
            }}
            onKeptCurrent={(node) => {
              setDoc((d) => withNode(d, node));
              setEditingId(null);
              setStatus("Kept the current version; your draft was not saved.");
            }}
            onCancelEdit={() => setEditingId(null)}
            onSelect={selectAndFocus}
            onClose={() => setSelectedId(null)}
          />
        )}
        {dialog?.type === "add" && dialogNode && (
          <AddArgumentDialog
            slug={slug}
            doc={doc}
            target={dialogNode}
            mode={dialog.mode}
            onClose={() => setDialog(null)}
            onAdded={(created) => {
              setDoc((d) => withCreated(d, created));
              setDialog(null);
              selectAndFocus(created.node.id);
              setStatus(created.node.status === "pending" ? PENDING_NOTE : "Added to the map.");
            }}
          />
        )}
        {dialog?.type === "passage" && (
          <MapPassageDialog
            slug={slug}
            doc={doc}
            anchor={dialog.anchor}
            onClose={() => setDialog(null)}
            onMapped={(created) => {
              document.getSelection()?.removeAllRanges();
              setDoc((d) => withCreated(d, created));
              setDialog(null);
              selectAndFocus(created.node.id);
              setStatus(created.node.status === "pending" ? "Mapped; it waits for a moderator." : "Mapped: the passage is on the map.");
            }}
          />
        )}
        {dialog?.type === "link" && dialogNode && (
          <LinkDialog
            slug={slug}
            doc={doc}
            from={dialogNode}
            onClose={() => setDialog(null)}
            onLinked={(relation) => {
              setDoc((d) => withRelation(d, relation));
              setDialog(null);
              setStatus(relation.status === "pending" ? PENDING_NOTE : "Linked.");
            }}
          />
        )}
      </div>
    </>
  );
}
