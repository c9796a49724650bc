"use client";

import { useEffect, useMemo, useRef } from "react";

import { segmentText } from "@/lib/anchors";
import type { TArticle, TMapNode } from "@/lib/schemas/map";
import { PERSPECTIVE_LABEL } from "@/lib/labels";

type Props = {
  article: TArticle;
  nodes: TMapNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** The article with every anchored passage marked; a passage selects its node, a node scrolls to its passage. */
export function ArticlePanel({ article, nodes, selectedId, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const segments = useMemo(
    () => segmentText(article.text.length, nodes.flatMap((n) => (n.anchor ? [{ id: n.id, ...n.anchor }] : []))),
    [article.text, nodes],
  );

  useEffect(() => {
    if (!selectedId) return;
    container.current?.querySelector(`mark[data-node-ids~="${selectedId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [selectedId]);

  return (
    <section className="article" aria-labelledby="article-title">
      <header className="article__header">
        <h2 id="article-title">{article.title}</h2>
        <p className="article__meta">
          {[article.author, article.publisher, article.publishedAt].filter(Boolean).join(" · ") || "Author and publisher not stated"}
          {" · "}argues the {PERSPECTIVE_LABEL[article.perspective]} perspective
        </p>
        <p className="article__hint">Highlighted passages are mapped. Select one to find its node.</p>
      </header>
      <div className="article__text" ref={container}>
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
              onClick={() => onSelect(first)}
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
    </section>
  );
}
