import { toCsv, type CsvCell } from "@/lib/csv";
import type { TContributionCounts, TDashboard } from "@/lib/schemas/dashboard";
import { KIND_LABEL, PERSPECTIVE_LABEL } from "@/lib/labels";

export const DASHBOARD_CSV_HEADER = ["section", "key", "detail", "statements", "links", "approved", "pending", "rejected", "citations", "distinct_sources"] as const;

const counts = (c: TContributionCounts): CsvCell[] => [c.statements, c.links, c.approved, c.pending, c.rejected];
const NO_SOURCES: CsvCell[] = [null, null];

/**
 * The dashboard as one table: a row per figure, its section first, so it can
 * be filtered and summed in a spreadsheet. Columns a section has no figure
 * for stay empty.
 */
export function dashboardCsv(dashboard: TDashboard): string {
  const rows: CsvCell[][] = [
    [...DASHBOARD_CSV_HEADER],
    ["totals", "all contributions", null, ...counts(dashboard.totals), ...NO_SOURCES],
    ...dashboard.teams.map((t) => ["team", t.name, t.perspective ? `${PERSPECTIVE_LABEL[t.perspective]} perspective` : null, ...counts(t.counts), ...NO_SOURCES]),
    ...dashboard.teamPerspectives.map((p) => ["team-perspective", PERSPECTIVE_LABEL[p.perspective], null, ...counts(p.counts), ...NO_SOURCES]),
    ...dashboard.people.map((p) => ["person", p.name, `${p.team ?? "no team"}; ${p.role}`, ...counts(p.counts), ...NO_SOURCES]),
    ...dashboard.citedPerspectives.map((c) => ["cited-perspective", PERSPECTIVE_LABEL[c.perspective], null, c.statements, null, c.approved, c.pending, c.rejected, ...NO_SOURCES]),
    ...dashboard.sources.map((s) => ["sources", PERSPECTIVE_LABEL[s.perspective], null, null, null, null, null, null, s.citations, s.distinctSources]),
    ...dashboard.unattacked.map((n) => ["not-attacked", n.text, KIND_LABEL[n.kind], null, null, null, null, null, ...NO_SOURCES]),
  ];
  return toCsv(rows);
}
