import { describe, expect, it } from "vitest";

import { NO_FILTERS } from "@/lib/graph/filter-map";
import type { TEventType, TLiveEvent } from "@/lib/schemas/debate-event";
import type { TStatus } from "@/lib/schemas/domain";
import type { TCreatedNode, TMapDocument, TMapNode, TMapRelation } from "@/lib/schemas/map";

import { mapNode as item, mapRelation } from "@/test/map-items";

import { allows, createMapStore } from "./map-store";

const ME = "author-key-me";
const OTHER = "author-key-other";

const mapNode = (id: string, extra: Partial<TMapNode> = {}): TMapNode => item(id, { sourceIds: ["s-1"], authorId: OTHER, ...extra });
const relation = (id: string, fromId: string, toId: string, extra: Partial<TMapRelation> = {}): TMapRelation => mapRelation(id, fromId, toId, { authorId: ME, ...extra });

function mapDoc(extra: Partial<TMapDocument> = {}): TMapDocument {
  return {
    debate: { id: "d", slug: "d", title: "D", description: null, createdAt: "2024-01-01T00:00:00.000Z", phase: "open", moderationMode: "open", anonymous: false, hasOwner: true },
    article: { id: "a", title: "A", author: null, publisher: null, publishedAt: null, url: null, perspective: "azerbaijani", text: "x".repeat(200) },
    nodes: [mapNode("t", { kind: "thesis" }), mapNode("p", { kind: "premise" })],
    relations: [relation("r-p", "p", "t", { authorId: OTHER })],
    sources: [
      { id: "s-1", title: "S1", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "armenian", isArticle: false },
      { id: "s-art", title: "The article", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "azerbaijani", isArticle: true },
    ],
    teams: [],
    authors: [
      { id: ME, label: "Me", teamId: null },
      { id: OTHER, label: "Other", teamId: null },
    ],
    ...extra,
  };
}

const participant = { userId: ME, name: "Me", role: "participant" as const, teamId: null };
const storeOf = (doc = mapDoc()) => createMapStore({ doc, viewer: participant });

let nextEventId = 1;
const event = (type: TEventType, entityId: string, status: TStatus | null, isYours = true): TLiveEvent => ({ id: String(nextEventId++), type, entityId, status, isYours });

const created = (id: string, extra: Partial<TMapNode> = {}): TCreatedNode => ({
  node: mapNode(id, { authorId: ME, ...extra }),
  relations: [relation(`r-${id}`, id, "t")],
  sources: [{ id: "s-new", title: "New", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "neutral", isArticle: false }],
});

describe("the map store", () => {
  it("applies a new statement's answer once: the node, its relations and sources, selected and brought into view, the dialog closed", () => {
    const store = storeOf();
    store.getState().openDialog({ type: "add", link: "supports", nodeId: "t" });
    store.getState().applyCreated(created("n"), "Added to the map.");
    store.getState().applyCreated(created("n"), "Added to the map.");
    const state = store.getState();
    expect(state.doc.nodes.filter((n) => n.id === "n")).toHaveLength(1);
    expect(state.doc.relations.filter((r) => r.id === "r-n")).toHaveLength(1);
    expect(state.doc.sources.map((s) => s.id)).toContain("s-new");
    expect(state.shown).toBe(state.doc);
    expect(state).toMatchObject({ selectedId: "n", dialog: null, status: "Added to the map." });
    expect(state.focusRequest).toBe(2);
  });

  it("takes the event of its own write for an echo, once; a later event about the same statement still fetches", () => {
    const store = storeOf();
    store.getState().applyCreated(created("n"), "Added.");
    expect(store.getState().isEcho([event("node.created", "n", "approved")], false)).toBe(true);
    expect(store.getState().isEcho([event("node.created", "n", "approved")], false)).toBe(false);

    store.getState().applySaved(mapNode("n", { authorId: ME, version: 2, text: "Edited" }), "Saved.");
    expect(store.getState().doc.nodes.find((n) => n.id === "n")?.text).toBe("Edited");
    expect(store.getState().isEcho([event("node.updated", "n", "approved")], false)).toBe(true);
    // A moderator's decision on the same statement is news.
    expect(store.getState().isEcho([event("node.approved", "n", "approved")], false)).toBe(false);
  });

  it("fetches for a burst that holds anything besides its own echoes", () => {
    const store = storeOf();
    store.getState().applyLinked(relation("r-new", "p", "t", { type: "attacks" }), "Linked.");
    expect(store.getState().isEcho([event("relation.created", "r-new", "approved"), event("node.created", "x", "approved", false)], false)).toBe(false);
    // The echo was used up by that burst.
    expect(store.getState().isEcho([event("relation.created", "r-new", "approved")], false)).toBe(false);
  });

  it("never takes an empty burst, a reopened stream, another person's event or a first contribution for an echo", () => {
    const store = storeOf();
    expect(store.getState().isEcho([], false)).toBe(false);

    store.getState().applyCreated(created("n"), "Added.");
    expect(store.getState().isEcho([event("node.created", "n", "approved")], true)).toBe(false);
    expect(store.getState().isEcho([event("node.created", "n", "approved")], false)).toBe(false);

    store.getState().applyCreated(created("m"), "Added.");
    expect(store.getState().isEcho([event("node.created", "m", "approved", false)], false)).toBe(false);

    // The map has no name for this author yet: only its fetch brings one.
    const newcomer = createMapStore({ doc: mapDoc({ authors: [] }), viewer: participant });
    newcomer.getState().applyCreated(created("n"), "Added.");
    expect(newcomer.getState().isEcho([event("node.created", "n", "approved")], false)).toBe(false);
  });

  it("expects nothing from an answer whose event came first (its fetch has run)", () => {
    const store = storeOf();
    expect(store.getState().isEcho([event("node.created", "n", "pending")], false)).toBe(false);
    store.getState().applyCreated(created("n", { status: "pending" }), "Sent for review.");
    // The early event used the answer up: only the edit that follows is awaited.
    store.getState().applySaved(mapNode("n", { authorId: ME, status: "pending", version: 2 }), "Saved.");
    expect(store.getState().isEcho([event("node.updated", "n", "pending")], false)).toBe(true);
    expect(store.getState().isEcho([event("node.created", "n", "pending")], false)).toBe(false);
  });

  it("applies a deletion: the node, its relations and the sources nothing else cites leave; the article stays", () => {
    const store = storeOf();
    store.getState().applyCreated(created("n", { sourceIds: ["s-new"] }), "Added.");
    const mine = store.getState().doc.nodes.find((n) => n.id === "n")!;
    store.getState().applyDeleted(mine, "Deleted.");
    const { doc, selectedId } = store.getState();
    expect(doc.nodes.map((n) => n.id)).toEqual(["t", "p"]);
    expect(doc.relations.map((r) => r.id)).toEqual(["r-p"]);
    expect(doc.sources.map((s) => s.id)).toEqual(["s-1", "s-art"]);
    expect(selectedId).toBeNull();
    expect(store.getState().isEcho([event("node.deleted", "n", "approved")], false)).toBe(true);
  });

  it("applies a fetched map only when it differs, keeps the selection while its statement is there, and tells what others changed", () => {
    const store = storeOf();
    store.getState().select("p");
    const before = store.getState().doc;
    store.getState().applyMap(structuredClone(before), [event("node.updated", "t", "approved", false)]);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().liveNews).toBe("");

    const next = mapDoc({ nodes: [...before.nodes, mapNode("q")] });
    store.getState().applyMap(next, [event("node.created", "q", "approved", false)]);
    expect(store.getState()).toMatchObject({ doc: next, selectedId: "p", liveNews: "Map updated: 1 new statement." });

    store.getState().applyMap(mapDoc({ nodes: [mapNode("t", { kind: "thesis" })], relations: [] }), [event("node.deleted", "p", "approved", false)]);
    expect(store.getState().selectedId).toBeNull();
  });

  it("filters what every view shows, and keeps the filters across new maps", () => {
    const store = storeOf();
    store.getState().setFilters({ ...NO_FILTERS, kinds: ["thesis"] });
    expect(store.getState().shown.nodes.map((n) => n.id)).toEqual(["t"]);
    store.getState().applyCreated(created("n"), "Added.");
    expect(store.getState().shown.nodes.map((n) => n.id)).toEqual(["t"]);
    expect(store.getState().doc.nodes).toHaveLength(3);
    store.getState().setFilters(NO_FILTERS);
    expect(store.getState().shown).toBe(store.getState().doc);
  });

  it("shares one selection: selecting from the canvas keeps an edit, bringing into view ends it and asks the canvas to move", () => {
    const store = storeOf();
    store.getState().select("p");
    expect(store.getState().requestAction(mapNode("p", { authorId: ME }), { type: "edit" })).toBeNull();
    expect(store.getState().editingId).toBe("p");
    store.getState().select("t");
    expect(store.getState()).toMatchObject({ selectedId: "t", editingId: "p", focusRequest: 0 });
    store.getState().bringIntoView("p");
    expect(store.getState()).toMatchObject({ selectedId: "p", editingId: null, focusRequest: 1 });
  });

  it("opens what an action asks for, says why the rules refuse, and leaves deleting to a confirmation", () => {
    const store = storeOf();
    const premise = store.getState().doc.nodes.find((n) => n.id === "p")!;
    store.getState().requestAction(premise, { type: "add", link: "co-premise" });
    expect(store.getState().dialog).toEqual({ type: "add", link: "co-premise", nodeId: "p" });
    store.getState().closeDialog();
    // The thesis supports nothing, so it takes no co-premise.
    store.getState().requestAction(store.getState().doc.nodes[0]!, { type: "add", link: "co-premise" });
    expect(store.getState().dialog).toBeNull();
    store.getState().requestAction(mapNode("z", { status: "rejected" }), { type: "link" });
    expect(store.getState().dialog).toBeNull();
    store.getState().requestAction(premise, { type: "edit" });
    expect(store.getState()).toMatchObject({ editingId: null, status: "You can only edit statements you added." });
    expect(store.getState().requestAction(mapNode("mine", { authorId: ME }), { type: "delete" })).toBe("confirm-delete");

    const closed = createMapStore({ doc: mapDoc({ debate: { ...mapDoc().debate, phase: "closed" } }), viewer: participant });
    closed.getState().requestAction(premise, { type: "link" });
    expect(closed.getState()).toMatchObject({ dialog: null, status: "This debate is closed; only its owner can change the map now." });
    expect(allows(closed.getState(), "node:create")).toBe(false);
    expect(allows(createMapStore({ doc: mapDoc(), viewer: null }).getState(), "node:create")).toBe(false);
  });
});

describe("an own event that comes before its write's answer", () => {
  it("is an echo once the answer, awaited, has been applied", async () => {
    const store = storeOf();
    let answer: (created: TCreatedNode) => void = () => {};
    const write = new Promise<TCreatedNode>((resolve) => (answer = resolve));
    void store
      .getState()
      .sending(write)
      .then((c) => store.getState().applyCreated(c, "Added."));
    const settled = store.getState().writesSettled();
    answer(created("n"));
    await settled;
    expect(store.getState().doc.nodes.some((n) => n.id === "n")).toBe(true);
    expect(store.getState().isEcho([event("node.created", "n", "approved")], false)).toBe(true);
  });

  it("waits for no write when none is on its way, nor for a refused one", async () => {
    const store = storeOf();
    await store.getState().writesSettled();
    const refused = store.getState().sending(Promise.reject(new Error("409")));
    await expect(refused).rejects.toThrow("409");
    await store.getState().writesSettled();
  });
});
