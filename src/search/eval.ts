import { z } from "zod";

/** One line of an eval file: a query and the upstream problem ids an answer must cover ([] = out of scope). */
export const EvalCaseSchema = z.strictObject({ q: z.string().min(1), expect: z.array(z.string()) });
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export function parseEvalFile(text: string): EvalCase[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = EvalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${index + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    });
}

export interface Ranked {
  /** Upstream ids of each presented answer, best first. */
  readonly answers: readonly (readonly string[])[];
  readonly confident: boolean;
  readonly firstId?: string;
}

export interface EvalMetrics {
  readonly top1: number;
  readonly top3: number;
  readonly mrr: number;
  readonly outOfScope: number;
  readonly inScope: number;
  readonly outOfScopeCount: number;
  readonly misses: { q: string; expect: readonly string[]; got: string | undefined; rank: number | null }[];
}

/** Top-1, top-3 and MRR over in-scope queries; the share of out-of-scope queries answered with "no confident match". */
export function evaluate(cases: readonly EvalCase[], run: (q: string) => Ranked): EvalMetrics {
  let top1 = 0;
  let top3 = 0;
  let rr = 0;
  let oosRight = 0;
  const misses: EvalMetrics["misses"] = [];
  const inScope = cases.filter((c) => c.expect.length > 0);
  const outOfScope = cases.filter((c) => c.expect.length === 0);
  for (const c of inScope) {
    const ranked = run(c.q);
    const index = ranked.answers.findIndex((ids) => ids.some((id) => c.expect.includes(id)));
    if (index === 0) top1++;
    if (index >= 0 && index < 3) top3++;
    if (index >= 0) rr += 1 / (index + 1);
    if (index !== 0) misses.push({ q: c.q, expect: c.expect, got: ranked.firstId, rank: index >= 0 ? index + 1 : null });
  }
  for (const c of outOfScope) {
    const ranked = run(c.q);
    if (!ranked.confident) oosRight++;
    else misses.push({ q: c.q, expect: [], got: ranked.firstId, rank: null });
  }
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    top1: share(top1, inScope.length),
    top3: share(top3, inScope.length),
    mrr: share(rr, inScope.length),
    outOfScope: share(oosRight, outOfScope.length),
    inScope: inScope.length,
    outOfScopeCount: outOfScope.length,
    misses,
  };
}
