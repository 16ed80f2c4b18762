import type { InsightsReport } from "./insights";

/**
 * The insights report as CSV: one table whose first column says what each row is, so that it
 * opens in a spreadsheet and filters by section. Columns that do not apply to a section are empty.
 *
 *   failed_search  key=template  label=latest query  count  last_seen  detail=signature candidate
 *   entry          key=id        label=title         count=results opened  yes/no/rate=votes  solved/unsolved/abandoned=walks
 *   cause          key=entry#cause  label=title      yes/no/rate=votes  solved  detail=order and estimate
 *   exit           key=step      label=question      unsolved  abandoned  detail=wizard
 *   searches_day   key=YYYY-MM-DD  count=searches  yes=with a confident answer
 *   votes_day      key=YYYY-MM-DD  yes=helpful  no=not helpful
 */
export const CSV_COLUMNS = ["section", "key", "label", "count", "yes", "no", "rate", "solved", "unsolved", "abandoned", "last_seen", "detail"] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export function insightsCsv(report: InsightsReport): string {
  const rows: Row[] = [];
  for (const g of report.failedSearches) {
    rows.push({ section: "failed_search", key: g.template, label: g.example, count: g.count, last_seen: g.lastSeen, detail: g.candidate });
  }
  for (const e of report.entries) {
    rows.push({
      section: "entry",
      key: e.id,
      label: e.title,
      count: e.opened,
      yes: e.votes.yes,
      no: e.votes.no,
      rate: e.votes.rate,
      solved: e.wizard.solved,
      unsolved: e.wizard.unsolved,
      abandoned: e.wizard.abandoned,
    });
    for (const c of e.causes) {
      rows.push({
        section: "cause",
        key: `${e.id}#${c.id}`,
        label: c.title,
        yes: c.votes.yes,
        no: c.votes.no,
        rate: c.votes.rate,
        solved: c.solved,
        detail: `position ${c.position} (author ${c.authorPosition}); estimate ${c.estimate.toFixed(3)}`,
      });
    }
  }
  for (const x of report.exits) rows.push({ section: "exit", key: x.step, label: x.question, unsolved: x.unsolved, abandoned: x.abandoned, detail: x.wizard });
  for (const d of report.daily.searches) rows.push({ section: "searches_day", key: d.day, count: d.total, yes: d.confident });
  for (const d of report.daily.votes) rows.push({ section: "votes_day", key: d.day, yes: d.helpful, no: d.unhelpful });
  return [CSV_COLUMNS.join(","), ...rows.map((row) => CSV_COLUMNS.map((column) => csvField(row[column])).join(","))].join("\r\n") + "\r\n";
}

/**
 * One CSV field: quoted when it must be, and text that a spreadsheet would run as a formula
 * (=, +, -, @ first) prefixed with an apostrophe: queries come from the public.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(4);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
