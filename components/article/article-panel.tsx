"use client";

import { useEffect, useMemo, useRef, useState } from "react";

import { segmentText } from "@/lib/anchors";
import type { TAnchor } from "@/lib/schemas/domain";
import { ARTICLE_STANCE } from "@/lib/labels";

import { allows } from "@/components/map-store/map-store";
import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

import { selectedPassage } from "./selected-passage";

/** Where the "Map this passage" button floats: under the end of the selection, in the panel's scrolled content. */
type Spot = { top: number; left: number };

/**
 * The article with every anchored passage marked; a passage selects its node,
 * a node scrolls to its passage. Those who may map the article select any
 * words of it to turn them into a statement.
 */
export function ArticlePanel() {
  const article = useMapStore((s) => s.doc.article);
  const nodes = useMapStore((s) => s.doc.nodes);
  const selectedId = useMapStore((s) => s.selectedId);
  // Those who may map the article turn a selected passage into a statement.
  const canMap = useMapStore((s) => allows(s, "node:anchor"));
  const { bringIntoView: onSelect, openDialog } = useMapActions();
  const panel = useRef<HTMLElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [passage, setPassage] = useState<TAnchor | null>(null);
  const [spot, setSpot] = useState<Spot | null>(null);
  const segments = useMemo(
    () => segmentText(article.text.length, nodes.flatMap((n) => (n.anchor ? [{ id: n.id, ...n.anchor }] : []))),
    [article.text, nodes],
  );

  useEffect(() => {
    if (!selectedId) return;
    container.current?.querySelector(`mark[data-node-ids~="${selectedId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [selectedId]);

  // Mouse, keyboard (caret browsing) and assistive technology all change the
  // selection; the header's button follows it whichever way it was made.
  useEffect(() => {
    if (!canMap) return;
    const onChange = () => {
      const next = container.current ? selectedPassage(container.current, article.text) : null;
      setPassage((current) => (current?.start === next?.start && current?.end === next?.end ? current : next));
      if (!next) setSpot(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [canMap, article.text]);

  /** Shows the floating button once a selection is finished (not while the mouse is still dragging). */
  function placeButton() {
    const range = document.getSelection()?.rangeCount ? document.getSelection()!.getRangeAt(0) : null;
    const box = panel.current?.getBoundingClientRect();
    const rects = range ? [...range.getClientRects()].filter((r) => r.width > 0) : [];
    const last = rects.at(-1);
    if (!panel.current || !box || !last || !container.current || !selectedPassage(container.current, article.text)) return setSpot(null);
    setSpot({ top: last.bottom - box.top + panel.current.scrollTop + 6, left: Math.max(8, Math.min(last.right - box.left - 80, box.width - 190)) });
  }

  function mapPassage() {
    if (!passage || !canMap) return;
    setSpot(null);
    openDialog({ type: "passage", anchor: passage });
  }

  return (
    <section className="article" aria-labelledby="article-title" ref={panel}>
      <header className="article__header">
        <h2 id="article-title">{article.title}</h2>
        <p className="article__meta">
          {[article.author, article.publisher, article.publishedAt].filter(Boolean).join(" · ") || "Author and publisher not stated"}
          {" · "}
          {ARTICLE_STANCE[article.perspective]}
        </p>
        <p className="article__hint" id="article-hint">
          Highlighted passages are mapped. Select one to find its node.
          {canMap && " Select any other words of the article to map them as a statement."}
        </p>
        {canMap && (
          <p className="article__map">
            <button type="button" className="button" disabled={!passage} aria-describedby="article-hint" onMouseDown={(e) => e.preventDefault()} onClick={mapPassage}>
              Map selected passage
            </button>
            {passage && <span className="article__map-size">{passage.end - passage.start} characters selected</span>}
          </p>
        )}
      </header>
      <div className="article__text" ref={container} onMouseUp={canMap ? placeButton : undefined} onKeyUp={canMap ? placeButton : undefined}>
        {segments.map((segment) => {
          const text = article.text.slice(segment.start, segment.end);
          const first = segment.ids[0];
          if (!first) return <span key={segment.start}>{text}</span>;
          const isActive = selectedId !== null && segment.ids.includes(selectedId);
          return (
            <mark
              key={segment.start}
              data-node-ids={segment.ids.join(" ")}
              className={isActive ? "is-active" : undefined}
              role="button"
              tabIndex={0}
              onClick={() => {
                // Ending a selection inside a passage is not a click on it.
                if (document.getSelection()?.isCollapsed === false) return;
                onSelect(first);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onSelect(first);
                }
              }}
            >
              {text}
            </mark>
          );
        })}
      </div>
      {canMap && passage && spot && (
        <button type="button" className="button button--primary article__map-float" style={{ top: spot.top, left: spot.left }} onMouseDown={(e) => e.preventDefault()} onClick={mapPassage}>
          Map this passage
        </button>
      )}
    </section>
  );
}
