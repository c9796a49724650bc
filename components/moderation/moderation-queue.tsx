"use client";

import { useEffect, useRef, useState } from "react";

import { decideItems, getModerationQueue } from "@/lib/client/api/moderation";
import { KIND_GLYPH, KIND_LABEL, STATUS_LABEL } from "@/lib/labels";
import type { TQueueItem, TQueueNodeRef } from "@/lib/schemas/moderation";

import { NodeEditor } from "@/components/debate/node-editor";
import { PerspectiveBadges } from "@/components/debate/perspective-badges";
import { useDebateEvents } from "@/components/debate/use-debate-events";

import { RejectForm } from "./reject-form";

type Props = { slug: string; initialItems: TQueueItem[]; canDecide: boolean };

/** Server and browser must print the same time, whatever their time zones. */
const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const itemDomId = (item: { id: string }) => `queue-item-${item.id}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function summary(item: TQueueItem): string {
  return item.type === "node" ? `${KIND_LABEL[item.kind]}: ${item.text}` : `Link: ${item.from.text} ${item.relationType} ${item.to.text}`;
}

function NodeRef({ node }: { node: TQueueNodeRef }) {
  return (
    <>
      <span className="queue-item__ref">
        {KIND_LABEL[node.kind]}: “{node.text}”
      </span>
      {node.status !== "approved" && <strong className="queue-item__tag"> ({STATUS_LABEL[node.status].toLowerCase()})</strong>}
    </>
  );
}

/**
 * The moderation queue: each pending item with what it answers and cites;
 * approve, edit or reject it, or approve several at once. Decided items leave
 * the list, a polite announcement says what happened, and the focus moves to
 * the next item.
 */
export function ModerationQueue({ slug, initialItems, canDecide }: Props) {
  const [items, setItems] = useState(initialItems);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<{ itemId: string | null; message: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  // A new object each time, so asking twice for the same element still moves the focus.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusRequest) (document.getElementById(focusRequest.id) ?? heading.current)?.focus();
  }, [focusRequest]);

  // New contributions join the queue as they arrive; items decided elsewhere leave it.
  useDebateEvents(slug, async () => {
    const queue = await getModerationQueue(slug);
    const known = new Set(items.map((i) => i.id));
    const arrived = queue.items.filter((i) => !known.has(i.id)).length;
    setItems(queue.items);
    setSelected((chosen) => new Set([...chosen].filter((id) => queue.items.some((i) => i.id === id))));
    if (arrived > 0) setAnnouncement(`${plural(arrived, "new item")} waiting for review.`);
  });

  async function decide(targets: TQueueItem[], decision: "approve" | "reject", reason?: string) {
    setBusy(true);
    setError(null);
    try {
      await decideItems(slug, { decision, reason, items: targets.map((t) => ({ type: t.type, id: t.id, version: t.version })) });
      const gone = new Set(targets.map((t) => t.id));
      const first = items.findIndex((i) => gone.has(i.id));
      const remaining = items.filter((i) => !gone.has(i.id));
      setItems(remaining);
      setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
      setRejectingId(null);
      setEditingId(null);
      const next = remaining[Math.min(first, remaining.length - 1)];
      setFocusRequest({ id: next ? itemDomId(next) : "queue-heading" });
      const done = decision === "approve" ? `Approved ${plural(targets.length, "item")}; on the map now.` : `Rejected ${plural(targets.length, "item")}: ${reason}. The author sees the reason.`;
      setAnnouncement(`${done} ${remaining.length === 0 ? "The queue is empty." : `${plural(remaining.length, "item")} left.`}`);
    } catch (e) {
      setError({ itemId: targets.length === 1 ? targets[0]!.id : null, message: e instanceof Error ? e.message : "The decision could not be saved." });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const chosen = items.filter((i) => selected.has(i.id));

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" ref={heading} tabIndex={-1}>
        {items.length === 0 ? "Nothing waits for review" : `${plural(items.length, "item")} waiting, oldest first`}
      </h2>
      <p className="queue__status" role="status" aria-live="polite">
        {announcement}
      </p>
      {error?.itemId === null && (
        <p className="queue__error" role="alert">
          {error.message}
        </p>
      )}
      {items.length === 0 && <p>New statements and links from participants appear here before anyone else sees them.</p>}
      {canDecide && items.length > 1 && (
        <div className="queue__bulk">
          <label>
            <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))} /> Select all
          </label>
          <button type="button" className="button button--primary" disabled={chosen.length === 0 || isBusy} onClick={() => void decide(chosen, "approve")}>
            Approve selected ({chosen.length})
          </button>
        </div>
      )}
      <ol className="queue__list">
        {items.map((item) => (
          <li key={item.id}>
            <article id={itemDomId(item)} className="queue-item" tabIndex={-1} aria-labelledby={`${itemDomId(item)}-title`}>
              {canDecide && items.length > 1 && (
                <label className="queue-item__select">
                  <input type="checkbox" checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                  <span className="visually-hidden">Select {summary(item)}</span>
                </label>
              )}
              <div className="queue-item__body">
                <h3 id={`${itemDomId(item)}-title`} className={`queue-item__title details__kind--${item.type === "node" ? item.kind : "premise"}`}>
                  {item.type === "node" ? (
                    <>
                      <span aria-hidden="true">{KIND_GLYPH[item.kind]}</span> {KIND_LABEL[item.kind]}
                    </>
                  ) : (
                    `Link: ${item.relationType}`
                  )}
                </h3>
                <p className="queue-item__meta">
                  by {item.author?.label ?? "an imported author"}
                  {item.type === "node" && item.team && ` (${item.team.name})`} · <time dateTime={item.createdAt}>{TIME.format(new Date(item.createdAt))} UTC</time>
                </p>
                {item.type === "node" ? (
                  <>
                    {editingId === item.id ? (
                      <NodeEditor
                        slug={slug}
                        node={item}
                        onSaved={(node) => {
                          setItems((all) => all.map((i) => (i.id === node.id && i.type === "node" ? { ...i, text: node.text, version: node.version } : i)));
                          setEditingId(null);
                          setFocusRequest({ id: itemDomId(item) });
                          setAnnouncement("Saved. The statement stays in the queue until you approve or reject it.");
                        }}
                        onKeptCurrent={(node) => {
                          setItems((all) => all.map((i) => (i.id === node.id && i.type === "node" ? { ...i, text: node.text, version: node.version } : i)));
                          setEditingId(null);
                          setAnnouncement("Kept the current version; your draft was not saved.");
                        }}
                        onCancel={() => setEditingId(null)}
                      />
                    ) : (
                      <p className="queue-item__text">{item.text}</p>
                    )}
                    {item.relations.map((r) => (
                      <p key={r.id} className="queue-item__context">
                        {r.type === "attacks" ? "Attacks" : "Supports"} <NodeRef node={r.to} />
                      </p>
                    ))}
                    <h4>Sources</h4>
                    <ul className="queue-item__sources">
                      {item.sources.map((s) => (
                        <li key={s.id}>
                          {s.url ? (
                            <a href={s.url} rel="noreferrer noopener" target="_blank">
                              {s.title}
                            </a>
                          ) : (
                            <cite>{s.title}</cite>
                          )}
                          {s.publisher && `, ${s.publisher}`} <PerspectiveBadges perspectives={[s.perspective]} />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="queue-item__context">
                    <NodeRef node={item.from} /> <strong>{item.relationType}</strong> <NodeRef node={item.to} />
                  </p>
                )}
                {error && error.itemId === item.id && (
                  <p className="queue__error" role="alert">
                    {error.message}
                  </p>
                )}
                {canDecide && editingId !== item.id && rejectingId !== item.id && (
                  <div className="queue-item__actions">
                    <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void decide([item], "approve")}>
                      Approve
                    </button>
                    {item.type === "node" && (
                      <button type="button" className="button" disabled={isBusy} onClick={() => setEditingId(item.id)}>
                        Edit
                      </button>
                    )}
                    <button type="button" className="button button--danger" disabled={isBusy} onClick={() => setRejectingId(item.id)}>
                      Reject…
                    </button>
                  </div>
                )}
                {rejectingId === item.id && (
                  <RejectForm
                    id={item.id}
                    isBusy={isBusy}
                    onReject={(reason) => void decide([item], "reject", reason)}
                    onCancel={() => {
                      setRejectingId(null);
                      setFocusRequest({ id: itemDomId(item) });
                    }}
                  />
                )}
              </div>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
