import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * One line of an eval file: a query, the upstream problem ids an answer must cover ([] = out of
 * scope), and for real users' queries the page the words were found on (`src`), which also decides
 * whether the query is for tuning or for checking.
 */
export const EvalCaseSchema = z.strictObject({
  q: z.string().min(1),
  expect: z.array(z.string()),
  src: z.url().optional(),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export function parseEvalFile(text: string): EvalCase[] {
  // Blank lines are skipped after numbering, so an error names the line an editor shows.
  return text.split("\n").flatMap((line, index) => {
    if (line.trim() === "") return [];
    const parsed = EvalCaseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${index + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return [parsed.data];
  });
}

export type EvalPart = "tune" | "check";

/**
 * About 70% of sources are for tuning and 30% for checking, fixed by a hash of the source URL, so
 * that every query from one page lands on the same side and the split never moves.
 */
export function partOf(c: EvalCase): EvalPart {
  if (!c.src) return "tune";
  return (createHash("sha256").update(c.src).digest()[0] ?? 0) < 179 ? "tune" : "check";
}

export interface Ranked {
  /** Upstream ids of every ranked entry, best first, whether presented as an answer or not. */
  readonly ranked: readonly (readonly string[])[];
  /** How many of `ranked` (from the top) are presented as answers; 0 = "no confident match". */
  readonly presented: number;
  /** The id of the first ranked entry, for reports. */
  readonly firstId?: string;
}

export interface EvalMetrics {
  readonly inScope: number;
  readonly outOfScopeCount: number;
  /** Ranking alone, as if every ranked entry were shown. */
  readonly ranking: { readonly top1: number; readonly top3: number; readonly mrr: number };
  /** What a user is shown as the answer: the right entry must be among the presented ones. */
  readonly presented: { readonly top1: number; readonly top3: number; readonly mrr: number };
  /** Share of out-of-scope queries left without a presented answer. */
  readonly outOfScope: number;
  /**
   * The confidence gate on its own: precision = of the queries given an answer, the share whose
   * first answer is right (an answered out-of-scope query counts as wrong); recall = of the in-scope
   * queries whose first-ranked entry is right, the share that were given it as an answer.
   */
  readonly confidence: { readonly precision: number; readonly recall: number };
  readonly misses: { q: string; expect: readonly string[]; got: string | undefined; rank: number | null; presented: boolean }[];
}

export function evaluate(cases: readonly EvalCase[], run: (q: string) => Ranked): EvalMetrics {
  const rank = { top1: 0, top3: 0, rr: 0 };
  const shown = { top1: 0, top3: 0, rr: 0 };
  let oosRight = 0;
  let answered = 0;
  let answeredRight = 0;
  let rankedRight = 0;
  let rankedRightAnswered = 0;
  const misses: EvalMetrics["misses"] = [];
  const inScope = cases.filter((c) => c.expect.length > 0);
  const outOfScope = cases.filter((c) => c.expect.length === 0);
  const count = (tally: typeof rank, index: number) => {
    if (index === 0) tally.top1++;
    if (index >= 0 && index < 3) tally.top3++;
    if (index >= 0) tally.rr += 1 / (index + 1);
  };
  for (const c of inScope) {
    const result = run(c.q);
    const index = result.ranked.findIndex((ids) => ids.some((id) => c.expect.includes(id)));
    count(rank, index);
    count(shown, index < result.presented ? index : -1);
    if (result.presented > 0) {
      answered++;
      if (index === 0) answeredRight++;
    }
    if (index === 0) {
      rankedRight++;
      if (result.presented > 0) rankedRightAnswered++;
    }
    if (index !== 0 || result.presented === 0) {
      misses.push({ q: c.q, expect: c.expect, got: result.firstId, rank: index >= 0 ? index + 1 : null, presented: result.presented > 0 });
    }
  }
  for (const c of outOfScope) {
    const result = run(c.q);
    if (result.presented === 0) oosRight++;
    else {
      answered++;
      misses.push({ q: c.q, expect: [], got: result.firstId, rank: null, presented: true });
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  const rates = (tally: typeof rank) => ({
    top1: share(tally.top1, inScope.length),
    top3: share(tally.top3, inScope.length),
    mrr: share(tally.rr, inScope.length),
  });
  return {
    inScope: inScope.length,
    outOfScopeCount: outOfScope.length,
    ranking: rates(rank),
    presented: rates(shown),
    outOfScope: share(oosRight, outOfScope.length),
    confidence: { precision: share(answeredRight, answered), recall: share(rankedRightAnswered, rankedRight) },
    misses,
  };
}
