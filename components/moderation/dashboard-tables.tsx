"use client";

import { useState, type ReactNode } from "react";

import { getDashboard } from "@/lib/client/api/dashboard";

import { KIND_GLYPH, KIND_LABEL, PERSPECTIVE_LABEL } from "@/lib/labels";
import type { TContributionCounts, TDashboard } from "@/lib/schemas/dashboard";

import { PerspectiveBadges } from "@/components/debate/perspective-badges";
import { useDebateEvents } from "@/components/debate/use-debate-events";

const COUNT_HEADS = ["Statements", "Links", "Approved", "Pending", "Rejected"];

function CountCells({ counts }: { counts: TContributionCounts }) {
  return (
    <>
      {[counts.statements, counts.links, counts.approved, counts.pending, counts.rejected].map((n, i) => (
        <td key={COUNT_HEADS[i]}>{n}</td>
      ))}
    </>
  );
}

/** A table whose first column names each row; `heads` are the other columns, the first `textColumns` of them words rather than numbers. */
function Table({ caption, note, first, heads, textColumns = 0, children }: { caption: string; note?: string; first: string; heads: string[]; textColumns?: number; children: ReactNode }) {
  return (
    <div className="dashboard__table">
      <table>
        <caption>
          {caption}
          {note && <span className="dashboard__note">{note}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {heads.map((h, i) => (
              <th key={h} scope="col" className={i < textColumns ? "dashboard__text" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * The dashboard's figures as tables, each with a caption saying what it
 * counts; fetched again as the debate's events arrive, so they stay live.
 */
export function DashboardTables({ slug, initial }: { slug: string; initial: TDashboard }) {
  const [d, setDashboard] = useState(initial);
  useDebateEvents(slug, async () => setDashboard(await getDashboard(slug)));
  return (
    <div className="dashboard">
      <Table caption="All contributions" first="Who" heads={COUNT_HEADS}>
        <tr>
          <th scope="row">All members</th>
          <CountCells counts={d.totals} />
        </tr>
      </Table>
      <Table caption="By team" note="A statement counts for the team its author was on when writing it; a link, for its author's team now." first="Team" heads={["Assigned perspective", ...COUNT_HEADS]} textColumns={1}>
        {d.teams.map((t) => (
          <tr key={t.id ?? "none"}>
            <th scope="row">{t.name}</th>
            <td className="dashboard__text">{t.perspective ? <PerspectiveBadges perspectives={[t.perspective]} /> : "—"}</td>
            <CountCells counts={t.counts} />
          </tr>
        ))}
      </Table>
      <Table caption="By the perspective assigned to teams" note="The team rows above, added up by each team's perspective." first="Perspective" heads={COUNT_HEADS}>
        {d.teamPerspectives.map((p) => (
          <tr key={p.perspective}>
            <th scope="row">{PERSPECTIVE_LABEL[p.perspective]}</th>
            <CountCells counts={p.counts} />
          </tr>
        ))}
      </Table>
      <Table caption="By person" first="Name" heads={["Team", "Role", ...COUNT_HEADS]} textColumns={2}>
        {d.people.map((p) => (
          <tr key={p.userId}>
            <th scope="row">{p.name}</th>
            <td className="dashboard__text">{p.team ?? "—"}</td>
            <td className="dashboard__text">{p.role}</td>
            <CountCells counts={p.counts} />
          </tr>
        ))}
      </Table>
      <Table caption="Statements by the perspective of the sources they cite" note="A statement citing sources of two perspectives counts under both." first="Perspective" heads={["Statements", "Approved", "Pending", "Rejected"]}>
        {d.citedPerspectives.map((c) => (
          <tr key={c.perspective}>
            <th scope="row">{PERSPECTIVE_LABEL[c.perspective]}</th>
            <td>{c.statements}</td>
            <td>{c.approved}</td>
            <td>{c.pending}</td>
            <td>{c.rejected}</td>
          </tr>
        ))}
      </Table>
      <Table caption="Sources cited, by perspective" note="Citations are statement–source pairs; a source cited by three statements is one distinct source." first="Perspective" heads={["Citations", "Distinct sources"]}>
        {d.sources.map((s) => (
          <tr key={s.perspective}>
            <th scope="row">{PERSPECTIVE_LABEL[s.perspective]}</th>
            <td>{s.citations}</td>
            <td>{s.distinctSources}</td>
          </tr>
        ))}
      </Table>
      <section className="dashboard__unattacked" aria-labelledby="unattacked-title">
        <h2 id="unattacked-title">Statements nothing attacks yet ({d.unattacked.length})</h2>
        <p className="dashboard__note">Statements on the map with no approved rebuttal or attacking link, the article&apos;s included.</p>
        {d.unattacked.length === 0 ? (
          <p>Every statement on the map is attacked by at least one other.</p>
        ) : (
          <ul>
            {d.unattacked.map((n) => (
              <li key={n.id}>
                <span className={`details__kind--${n.kind}`}>
                  <span aria-hidden="true">{KIND_GLYPH[n.kind]}</span> {KIND_LABEL[n.kind]}:
                </span>{" "}
                {n.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
