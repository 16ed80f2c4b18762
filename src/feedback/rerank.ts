/**
 * Orders a problem's causes by how often each one turned out to be the fix, starting from what
 * the author wrote and moving only on evidence. Small enough to explain on one screen:
 *
 * - For each cause, p = "the share of people with this problem whose fix was this cause".
 * - Prior: the author's order, as a Beta(α, β) per cause whose mean falls with its position
 *   (weights 1, 1/2, 1/3, … normalised) and whose weight is `priorStrength` pseudo-observations.
 * - Evidence: a wizard walk on the entry that ended "solved at X" is a success for X and a failure
 *   for every other cause; one that ended unsolved is a failure for all. A reader's "this cause
 *   fixed it" vote counts like a walk solved at that cause; "it did not" is a failure for that
 *   cause alone (we do not learn which one was the fix).
 * - Estimate: the posterior mean (α + successes) / (α + β + trials).
 * - The order changes only when the entry has at least `minEvidence` observations; before that
 *   it is the author's. Ties keep the author's order, so the same counts always give the same order.
 * - A cause's observed share is shown to readers only once it rests on `minShown` observations.
 */
export interface RerankConfig {
  /** Pseudo-observations the author's order is worth. */
  readonly priorStrength: number;
  /** Observations of an entry before its order may change. */
  readonly minEvidence: number;
  /** Observations of a cause before its share is shown to readers. */
  readonly minShown: number;
}

export const RERANK_CONFIG: RerankConfig = Object.freeze({ priorStrength: 10, minEvidence: 20, minShown: 20 });

export interface CauseEvidence {
  /** Wizard walks that ended "solved" at this cause. */
  readonly solved: number;
  /** "这个原因解决了" votes on this cause. */
  readonly helpful: number;
  /** "没有解决" votes on this cause. */
  readonly unhelpful: number;
}

export interface EntryEvidence {
  /** Wizard walks on this entry that ended solved (at any cause) or unsolved. */
  readonly finished: number;
  readonly causes: ReadonlyMap<string, CauseEvidence>;
}

export interface RankedCause {
  readonly id: string;
  /** 0-based position in the author's order. */
  readonly authorRank: number;
  readonly alpha: number;
  readonly beta: number;
  readonly successes: number;
  readonly trials: number;
  /** Posterior mean of the share this cause fixes. */
  readonly estimate: number;
  /** Observed share (successes / trials), once there are enough trials to show it; else null. */
  readonly shown: { readonly share: number; readonly count: number } | null;
}

export interface EntryRanking {
  /** Cause ids in the order to ask them. */
  readonly order: readonly string[];
  /** Per cause, in the author's order. */
  readonly causes: readonly RankedCause[];
  /** Observations of this entry (walks finished plus cause votes). */
  readonly evidence: number;
  /** True when `order` differs from the author's. */
  readonly reordered: boolean;
}

const NONE: CauseEvidence = { solved: 0, helpful: 0, unhelpful: 0 };
const EPSILON = 1e-12;

export function priorMeans(count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

export function rankCauses(causeIds: readonly string[], evidence: EntryEvidence | undefined, config: RerankConfig = RERANK_CONFIG): EntryRanking {
  const means = priorMeans(causeIds.length);
  const per = causeIds.map((id) => evidence?.causes.get(id) ?? NONE);
  const finished = evidence?.finished ?? 0;
  const fixedByVote = per.reduce((sum, c) => sum + c.helpful, 0);
  const total = finished + fixedByVote + per.reduce((sum, c) => sum + c.unhelpful, 0);
  const enough = total >= config.minEvidence;

  const causes: RankedCause[] = causeIds.map((id, authorRank) => {
    const own = per[authorRank] ?? NONE;
    const mean = means[authorRank] ?? 0;
    const alpha = config.priorStrength * mean;
    const beta = config.priorStrength * (1 - mean);
    const successes = own.solved + own.helpful;
    const trials = finished + fixedByVote + own.unhelpful;
    const estimate = (alpha + successes) / (alpha + beta + trials);
    const shown = enough && trials >= config.minShown ? { share: successes / trials, count: trials } : null;
    return { id, authorRank, alpha, beta, successes, trials, estimate, shown };
  });

  const order = enough
    ? [...causes].sort((a, b) => (Math.abs(b.estimate - a.estimate) > EPSILON ? b.estimate - a.estimate : a.authorRank - b.authorRank)).map((c) => c.id)
    : [...causeIds];
  return { order, causes, evidence: total, reordered: order.some((id, i) => id !== causeIds[i]) };
}

/** What the article and the wizard say once a cause's share is shown. */
export function evidenceText(shown: { readonly share: number; readonly count: number }): string {
  return `这个原因解决了 ${Math.round(shown.share * 100)}% 遇到这个问题的人（${shown.count} 次）`;
}
