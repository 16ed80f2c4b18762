import { and, count, desc, eq, gte, inArray, isNotNull, max, sql } from "drizzle-orm";
import type { KnowledgeGraph } from "@/content/graph";
import type { WizardGraph } from "@/wizard/model";
import { describePosition, positionById } from "./wizard-positions";
import { causeRanking } from "./cause-order";
import { searches, searchOpens, votes, wizardOutcomes } from "./schema";
import { signatureCandidate } from "./search-record";
import type { Db } from "./storage";

/**
 * What the maintainers of the content see at /insights, in /api/insights and in
 * `npm run insights:export`: what people searched for and did not find, how entries and causes
 * helped, where wizard walks ended without a fix, and the daily counts behind the charts.
 */
export interface FailedSearchGroup {
  readonly template: string;
  readonly count: number;
  readonly lastSeen: string;
  /** The latest query of the group, masked. */
  readonly example: string;
  /** The line of the example that would make a signature. */
  readonly candidate: string;
  readonly fromWizard: number;
}

export interface Rate {
  readonly yes: number;
  readonly no: number;
  /** yes / (yes + no), null with no data. */
  readonly rate: number | null;
}

export interface CauseInsight {
  readonly id: string;
  readonly title: string;
  readonly votes: Rate;
  /** Wizard walks that ended solved at this cause. */
  readonly solved: number;
  /** 1-based position in the author's order and in the order in use. */
  readonly authorPosition: number;
  readonly position: number;
  /** The estimator's posterior mean of the share this cause fixes. */
  readonly estimate: number;
  /** The share shown to readers ("这个原因解决了 …%"), once there is enough evidence. */
  readonly shownShare: number | null;
}

export interface EntryInsight {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly votes: Rate;
  readonly wizard: { readonly solved: number; readonly unsolved: number; readonly abandoned: number; readonly solveRate: number | null };
  /** Times a search result for this entry was opened. */
  readonly opened: number;
  readonly causes: readonly CauseInsight[];
}

export interface ExitPoint {
  readonly step: string;
  readonly question: string;
  readonly wizard: string;
  readonly abandoned: number;
  readonly unsolved: number;
}

export interface DailySearches {
  readonly day: string;
  readonly total: number;
  readonly confident: number;
}

export interface DailyVotes {
  readonly day: string;
  readonly helpful: number;
  readonly unhelpful: number;
}

export interface InsightsReport {
  readonly generatedAt: string;
  readonly totals: {
    readonly searches: number;
    readonly confidentSearches: number;
    readonly votes: Rate;
    readonly walks: { readonly solved: number; readonly unsolved: number; readonly abandoned: number };
  };
  readonly failedSearches: readonly FailedSearchGroup[];
  readonly entries: readonly EntryInsight[];
  readonly exits: readonly ExitPoint[];
  readonly daily: { readonly days: number; readonly searches: readonly DailySearches[]; readonly votes: readonly DailyVotes[] };
}

export const INSIGHTS_LIMITS = Object.freeze({ failedSearches: 50, exits: 30, days: 30 });

const DAY_MS = 86_400_000;
const rate = (yes: number, no: number): Rate => ({ yes, no, rate: yes + no > 0 ? yes / (yes + no) : null });
const iso = (value: Date | string) => new Date(value).toISOString();
const dayKey = (value: Date | string) => iso(value).slice(0, 10);

export async function buildInsights(db: Db, graph: KnowledgeGraph, wizards: WizardGraph, now: Date = new Date()): Promise<InsightsReport> {
  const since = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (INSIGHTS_LIMITS.days - 1) * DAY_MS);

  const failed = await db
    .select({
      template: searches.template,
      count: count(),
      lastSeen: max(searches.createdAt),
      example: sql<string>`(array_agg(${searches.query} order by ${searches.createdAt} desc))[1]`,
      fromWizard: sql<number>`count(*) filter (where ${searches.source} = 'wizard')`.mapWith(Number),
    })
    .from(searches)
    .where(eq(searches.confident, false))
    .groupBy(searches.template)
    .orderBy(desc(count()), desc(max(searches.createdAt)), searches.template)
    .limit(INSIGHTS_LIMITS.failedSearches);

  const searchTotals = await db
    .select({ total: count(), confident: sql<number>`count(*) filter (where ${searches.confident})`.mapWith(Number) })
    .from(searches);

  const voteRows = await db
    .select({
      entry: votes.entry,
      cause: votes.cause,
      yes: sql<number>`count(*) filter (where ${votes.helpful})`.mapWith(Number),
      no: sql<number>`count(*) filter (where not ${votes.helpful})`.mapWith(Number),
    })
    .from(votes)
    .groupBy(votes.entry, votes.cause);

  const outcomeRows = await db
    .select({ entry: wizardOutcomes.entry, cause: wizardOutcomes.cause, outcome: wizardOutcomes.outcome, n: count() })
    .from(wizardOutcomes)
    .groupBy(wizardOutcomes.entry, wizardOutcomes.cause, wizardOutcomes.outcome);

  const exitRows = await db
    .select({ step: wizardOutcomes.step, outcome: wizardOutcomes.outcome, n: count() })
    .from(wizardOutcomes)
    .where(inArray(wizardOutcomes.outcome, ["abandoned", "unsolved"]))
    .groupBy(wizardOutcomes.step, wizardOutcomes.outcome);

  const openRows = await db.select({ entry: searchOpens.entry, n: count() }).from(searchOpens).groupBy(searchOpens.entry);

  const day = sql<string>`to_char(date_trunc('day', ${searches.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const searchDays = await db
    .select({ day, total: count(), confident: sql<number>`count(*) filter (where ${searches.confident})`.mapWith(Number) })
    .from(searches)
    .where(gte(searches.createdAt, since))
    .groupBy(day);
  const voteDay = sql<string>`to_char(date_trunc('day', ${votes.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const voteDays = await db
    .select({
      day: voteDay,
      helpful: sql<number>`count(*) filter (where ${votes.helpful})`.mapWith(Number),
      unhelpful: sql<number>`count(*) filter (where not ${votes.helpful})`.mapWith(Number),
    })
    .from(votes)
    .where(and(gte(votes.createdAt, since), isNotNull(votes.entry)))
    .groupBy(voteDay);

  return {
    generatedAt: iso(now),
    totals: {
      searches: searchTotals[0]?.total ?? 0,
      confidentSearches: searchTotals[0]?.confident ?? 0,
      votes: rate(
        voteRows.reduce((sum, r) => sum + r.yes, 0),
        voteRows.reduce((sum, r) => sum + r.no, 0),
      ),
      walks: {
        solved: sumOutcome(outcomeRows, "solved"),
        unsolved: sumOutcome(outcomeRows, "unsolved"),
        abandoned: sumOutcome(outcomeRows, "abandoned"),
      },
    },
    failedSearches: failed.map((g) => ({
      template: g.template,
      count: g.count,
      lastSeen: iso(g.lastSeen ?? now),
      example: g.example,
      candidate: signatureCandidate(g.example),
      fromWizard: g.fromWizard,
    })),
    entries: entryInsights(graph, voteRows, outcomeRows, openRows),
    exits: exitPoints(wizards, exitRows),
    daily: {
      days: INSIGHTS_LIMITS.days,
      searches: fillDays(since, INSIGHTS_LIMITS.days, new Map(searchDays.map((d) => [d.day, d])), (d) => ({ day: d, total: 0, confident: 0 })),
      votes: fillDays(since, INSIGHTS_LIMITS.days, new Map(voteDays.map((d) => [d.day, d])), (d) => ({ day: d, helpful: 0, unhelpful: 0 })),
    },
  };
}

type OutcomeRow = { entry: string | null; cause: string | null; outcome: string; n: number };

function sumOutcome(rows: readonly OutcomeRow[], outcome: string): number {
  return rows.filter((r) => r.outcome === outcome).reduce((sum, r) => sum + r.n, 0);
}

function entryInsights(
  graph: KnowledgeGraph,
  voteRows: readonly { entry: string; cause: string; yes: number; no: number }[],
  outcomeRows: readonly OutcomeRow[],
  openRows: readonly { entry: string; n: number }[],
): EntryInsight[] {
  const ids = new Set([...voteRows.map((r) => r.entry), ...outcomeRows.flatMap((r) => (r.entry ? [r.entry] : [])), ...openRows.map((r) => r.entry)]);
  const insights: EntryInsight[] = [];
  for (const id of ids) {
    const entry = graph.byId.get(id);
    if (!entry) continue; // an entry removed since: its records age out with retention
    const own = voteRows.find((r) => r.entry === id && r.cause === "");
    const outcomes = outcomeRows.filter((r) => r.entry === id);
    const count = (outcome: string) => sumOutcome(outcomes, outcome);
    const solved = count("solved");
    const unsolved = count("unsolved");
    const abandoned = count("abandoned");
    let causes: CauseInsight[] = [];
    if (entry.kind === "problem") {
      const ranking = causeRanking(entry);
      causes = entry.causes.map((cause, index) => {
        const voted = voteRows.find((r) => r.entry === id && r.cause === cause.id);
        const ranked = ranking.causes[index];
        return {
          id: cause.id,
          title: cause.title,
          votes: rate(voted?.yes ?? 0, voted?.no ?? 0),
          solved: outcomes.filter((r) => r.outcome === "solved" && r.cause === cause.id).reduce((sum, r) => sum + r.n, 0),
          authorPosition: index + 1,
          position: ranking.order.indexOf(cause.id) + 1,
          estimate: ranked?.estimate ?? 0,
          shownShare: ranked?.shown?.share ?? null,
        };
      });
    }
    insights.push({
      id,
      title: entry.title,
      kind: entry.kind,
      votes: rate(own?.yes ?? 0, own?.no ?? 0),
      wizard: { solved, unsolved, abandoned, solveRate: solved + unsolved + abandoned > 0 ? solved / (solved + unsolved + abandoned) : null },
      opened: openRows.find((r) => r.entry === id)?.n ?? 0,
      causes,
    });
  }
  // Most in need of attention first: most "not helpful", then most walks not solved, then id.
  const trouble = (e: EntryInsight) => e.votes.no + e.causes.reduce((sum, c) => sum + c.votes.no, 0) + e.wizard.unsolved + e.wizard.abandoned;
  return insights.sort((a, b) => trouble(b) - trouble(a) || a.id.localeCompare(b.id));
}

function exitPoints(wizards: WizardGraph, rows: readonly { step: string; outcome: string; n: number }[]): ExitPoint[] {
  const bySteps = new Map<string, { abandoned: number; unsolved: number }>();
  for (const row of rows) {
    const point = bySteps.get(row.step) ?? { abandoned: 0, unsolved: 0 };
    if (row.outcome === "abandoned") point.abandoned += row.n;
    else point.unsolved += row.n;
    bySteps.set(row.step, point);
  }
  return [...bySteps]
    .map(([step, counts]) => {
      const known = positionById(wizards, step);
      return { step, ...(known ? describePosition(known) : { question: "（这一步已不在当前内容里）", wizard: "" }), ...counts };
    })
    .sort((a, b) => b.abandoned + b.unsolved - (a.abandoned + a.unsolved) || a.step.localeCompare(b.step))
    .slice(0, INSIGHTS_LIMITS.exits);
}

function fillDays<T extends { day: string }>(since: Date, days: number, known: ReadonlyMap<string, T>, empty: (day: string) => T): T[] {
  return Array.from({ length: days }, (_, i) => {
    const day = dayKey(new Date(since.getTime() + i * DAY_MS));
    return known.get(day) ?? empty(day);
  });
}

export interface FailedSearchDetail {
  readonly template: string;
  readonly count: number;
  readonly example: string;
  readonly candidate: string;
  /** Entries the search offered as weak suggestions, latest search first. */
  readonly suggested: readonly string[];
}

/** One failed-search group, for "make this findable". */
export async function failedSearchDetail(db: Db, template: string): Promise<FailedSearchDetail | null> {
  const rows = await db
    .select({ query: searches.query, shown: searches.shown })
    .from(searches)
    .where(and(eq(searches.confident, false), eq(searches.template, template)))
    .orderBy(desc(searches.createdAt))
    .limit(20);
  const latest = rows[0];
  if (!latest) return null;
  const [total] = await db
    .select({ n: count() })
    .from(searches)
    .where(and(eq(searches.confident, false), eq(searches.template, template)));
  return {
    template,
    count: total?.n ?? rows.length,
    example: latest.query,
    candidate: signatureCandidate(latest.query),
    suggested: [...new Set(rows.flatMap((r) => r.shown))],
  };
}
