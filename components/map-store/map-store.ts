import { createStore, type StoreApi } from "zustand/vanilla";

import { can, type Action, type Viewer } from "@/lib/authz/can";
import { NO_FILTERS, filterMap, type MapFilters } from "@/lib/graph/filter-map";
import { withCreated, withNode, withRelation, withoutNode } from "@/lib/graph/map-changes";
import type { TLiveEvent } from "@/lib/schemas/debate-event";
import type { TAnchor } from "@/lib/schemas/domain";
import { acceptsCoPremise, isLinkable, type TLinkType } from "@/lib/schemas/link-kinds";
import type { TCreatedNode, TMapDocument, TMapNode, TMapRelation } from "@/lib/schemas/map";

import { describeLiveChanges } from "@/components/debate/describe-live-changes";

import { createOwnWrites, type ExpectedEvent } from "./own-writes";

/** What a person can do to a statement: from the details panel, the canvas's menu, or a key. */
export type NodeAction = { type: "add"; link: TLinkType } | { type: "link" } | { type: "edit" } | { type: "delete" };

/** The one dialog open over the map, if any, and what it is about. */
export type OpenDialog = { type: "add"; link: TLinkType; nodeId: string } | { type: "link"; nodeId: string } | { type: "passage"; anchor: TAnchor } | null;

/**
 * The client state of one open debate, shared by every view of it (the
 * canvas, the article, the details panel, the dialogs; an outline or a
 * timeline would read the same selection and filters).
 */
export type MapState = {
  /** The map as this viewer may see it: the server's last document, with this client's own writes applied. */
  doc: TMapDocument;
  /** The part of `doc` the filters let through; kept in step with both. */
  shown: TMapDocument;
  /** Who looks at the map, named by their author key in this debate; null when nobody is signed in. */
  viewer: Viewer | null;
  /** The statement every view shows as selected. */
  selectedId: string | null;
  /** Bumped when a view asks the canvas to bring the selected statement into view. */
  focusRequest: number;
  /** The statement whose text is being edited in the details panel. */
  editingId: string | null;
  filters: MapFilters;
  dialog: OpenDialog;
  /** The last confirmation or refusal, for the toast and a polite live region. */
  status: string;
  /** A sentence about what others last changed, for a polite live region. */
  liveNews: string;
};

export type MapActions = {
  select: (id: string | null) => void;
  /** Selects a statement from outside the canvas and asks the canvas to show it; any edit in progress ends. */
  bringIntoView: (id: string) => void;
  setFilters: (filters: MapFilters) => void;
  openDialog: (dialog: NonNullable<OpenDialog>) => void;
  closeDialog: () => void;
  stopEditing: () => void;
  say: (status: string) => void;
  /**
   * Acts on a statement as far as the client can: says why the rules refuse,
   * or opens the dialog or editor. Deleting asks first and calls the server,
   * so it is only answered with "confirm-delete".
   */
  requestAction: (node: TMapNode, action: NodeAction) => "confirm-delete" | null;
  /** A write's answer: a new statement (selected and brought into view), its relations and sources. */
  applyCreated: (created: TCreatedNode, status: string) => void;
  applyLinked: (relation: TMapRelation, status: string) => void;
  /** An edit's answer. */
  applySaved: (node: TMapNode, status: string) => void;
  /** The server's current statement, kept instead of a draft that lost a conflict: no write of this client's. */
  applyCurrent: (node: TMapNode, status: string) => void;
  applyDeleted: (node: TMapNode, status: string) => void;
  /** Marks a write to the server as on its way, until it settles (see writesSettled); returns it. */
  sending: <T>(write: Promise<T>) => Promise<T>;
  /**
   * Resolves once no write is on its way and the answers have been applied.
   * An own event may come before its write's answer; waiting for the answer
   * lets the event be recognised as its echo.
   */
  writesSettled: () => Promise<void>;
  /**
   * Whether a burst of live events only echoes writes whose answers are
   * applied already, so the map need not be fetched. A reopened stream may have
   * missed anything: never an echo.
   */
  isEcho: (events: TLiveEvent[], reopened: boolean) => boolean;
  /** A map fetched after live events: replaces `doc` when it differs, keeps the selection if it is still there. */
  applyMap: (next: TMapDocument, events: TLiveEvent[]) => void;
};

export type MapStore = MapState & MapActions;

/** Whether the viewer may do this, by the same rule table the server enforces. */
export function allows(state: Pick<MapState, "viewer" | "doc">, action: Action, resource?: { authorId: string | null }): boolean {
  return state.viewer !== null && can(state.viewer, action, state.doc.debate, resource).allowed;
}

export function supportsSomething(doc: TMapDocument, nodeId: string): boolean {
  return doc.relations.some((r) => r.fromId === nodeId && r.type === "supports");
}

export function selectedNode(state: Pick<MapState, "doc" | "selectedId">): TMapNode | undefined {
  return state.selectedId === null ? undefined : state.doc.nodes.find((n) => n.id === state.selectedId);
}

/** What the rule table calls each action on a node. */
const ACTION_RULE = { add: "node:create", link: "relation:create", edit: "node:update", delete: "node:delete" } as const satisfies Record<NodeAction["type"], Action>;

export function createMapStore(initial: { doc: TMapDocument; viewer: Viewer | null }): StoreApi<MapStore> {
  const ownWrites = createOwnWrites();
  const inFlight = new Set<Promise<unknown>>();

  return createStore<MapStore>()((set, get) => {
    const withDoc = (doc: TMapDocument) => ({ doc, shown: filterMap(doc, get().filters) });
    const isOwn = (item: { authorId: string | null }) => item.authorId !== null && item.authorId === get().viewer?.userId;
    // A first contribution brings its author's name, which only the map tells (a pseudonym in an anonymous debate): that write's event still fetches it.
    const isNamed = (doc: TMapDocument, item: { authorId: string | null }) => item.authorId === null || doc.authors.some((a) => a.id === item.authorId);
    const expectEcho = (doc: TMapDocument, item: { authorId: string | null }, event: ExpectedEvent) => {
      if (isOwn(item) && isNamed(doc, item)) ownWrites.expect(event);
    };

    return {
      doc: initial.doc,
      shown: filterMap(initial.doc, NO_FILTERS),
      viewer: initial.viewer,
      selectedId: null,
      focusRequest: 0,
      editingId: null,
      filters: NO_FILTERS,
      dialog: null,
      status: "",
      liveNews: "",

      select: (id) => set({ selectedId: id }),
      bringIntoView: (id) => set((s) => ({ selectedId: id, editingId: null, focusRequest: s.focusRequest + 1 })),
      setFilters: (filters) => set((s) => ({ filters, shown: filterMap(s.doc, filters) })),
      openDialog: (dialog) => set({ dialog }),
      closeDialog: () => set({ dialog: null }),
      stopEditing: () => set({ editingId: null }),
      say: (status) => set({ status }),

      requestAction: (node, action) => {
        const state = get();
        if (!state.viewer) return null;
        // The page may have been open since the debate closed, or the viewer
        // may only read: say why, rather than open a form the server refuses.
        const refusal = can(state.viewer, ACTION_RULE[action.type], state.doc.debate, node);
        if (!refusal.allowed) {
          set({ status: refusal.reason });
          return null;
        }
        if ((action.type === "add" || action.type === "link") && !isLinkable(node)) return null;
        if (action.type === "add") {
          if (action.link === "co-premise" && !acceptsCoPremise(node, supportsSomething(state.doc, node.id))) return null;
          set({ dialog: { type: "add", link: action.link, nodeId: node.id } });
        } else if (action.type === "link") set({ dialog: { type: "link", nodeId: node.id } });
        else if (action.type === "edit") set({ editingId: node.id });
        else return "confirm-delete";
        return null;
      },

      applyCreated: (created, status) => {
        const doc = withCreated(get().doc, created);
        expectEcho(doc, created.node, { type: "node.created", entityId: created.node.id, status: created.node.status });
        set((s) => ({ ...withDoc(doc), dialog: null, selectedId: created.node.id, editingId: null, focusRequest: s.focusRequest + 1, status }));
      },
      applyLinked: (relation, status) => {
        const doc = withRelation(get().doc, relation);
        expectEcho(doc, relation, { type: "relation.created", entityId: relation.id, status: relation.status });
        set({ ...withDoc(doc), dialog: null, status });
      },
      applySaved: (node, status) => {
        const doc = withNode(get().doc, node);
        expectEcho(doc, node, { type: "node.updated", entityId: node.id, status: node.status });
        set({ ...withDoc(doc), editingId: null, status });
      },
      applyCurrent: (node, status) => set({ ...withDoc(withNode(get().doc, node)), editingId: null, status }),
      applyDeleted: (node, status) => {
        const doc = withoutNode(get().doc, node.id);
        expectEcho(doc, node, { type: "node.deleted", entityId: node.id, status: node.status });
        set({ ...withDoc(doc), selectedId: null, status });
      },

      sending: (write) => {
        inFlight.add(write);
        const settle = () => inFlight.delete(write);
        write.then(settle, settle);
        return write;
      },
      writesSettled: async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        // Whoever awaited an answer applies it in a microtask; a new task starts after them all.
        await new Promise((resolve) => setTimeout(resolve, 0));
      },

      isEcho: (events, reopened) => {
        if (!reopened) return ownWrites.areEchoes(events);
        ownWrites.forget();
        return false;
      },
      applyMap: (next, events) => {
        const { doc, selectedId, liveNews } = get();
        if (JSON.stringify(next) === JSON.stringify(doc)) return;
        set({
          ...withDoc(next),
          selectedId: selectedId && next.nodes.some((n) => n.id === selectedId) ? selectedId : null,
          liveNews: describeLiveChanges(events) ?? liveNews,
        });
      },
    };
  });
}
