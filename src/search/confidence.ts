import { z } from "zod";

/**
 * Whether a ranked entry is presented as the answer is a separate decision from ranking: a small
 * logistic model over a few features of the candidate and of the query, fitted on the tuning
 * part of the real-user development set (`npm run fit:confidence`) and stored as data
 * (`confidence-model.json`), so the same weights run on the server and in the browser.
 */
/**
 * The features, each with the direction it may push confidence: more coverage can never make an
 * answer less likely to be right, an error code the entry does not know never more likely.
 * `npm run fit:confidence` refuses a fit whose weights disagree. Chosen for being few and
 * explainable, and measured under cross-validation against a dozen other candidates (unknown-word
 * shares, margins, per-line coverage, identifier counts), which added noise rather than accuracy
 * on a few hundred tuning queries.
 */
export const FEATURE_DIRECTIONS = {
  /** The candidate's combined ranking score (best line, signature, the paste as a whole). */
  score: 1,
  /** 0–1: share of what the whole query asked that the entry answers (BM25F normalised). */
  whole: 1,
  /** 0–1: how much of one of the entry's own names (title, alias, signature) the query contains: the reverse of `whole`. */
  aliasCover: 1,
  /** +1 an error code of the query is in the entry, −1 the query has error codes and none is, 0 no code. */
  code: 1,
  /** +1 the query's error family (refused connection, SMTP auth…) is one the entry declares, −1 another family, 0 none. */
  family: 1,
  /** 0–1: how often this entry was right when it ranked first for a tuning query (see `reliabilityOf`). */
  reliability: 1,
  /**
   * Mean log-odds, over the query's words that at least WORDING_MIN_QUERIES tuning queries used,
   * that a query using the word had a right first result (see `WordingTableSchema`).
   */
  wording: 1,
} as const;

export type FeatureName = keyof typeof FEATURE_DIRECTIONS;
export const FEATURES = Object.keys(FEATURE_DIRECTIONS) as FeatureName[];
export type FeatureVector = Readonly<Record<FeatureName, number>>;

/**
 * Per entry, of the tuning queries that ranked it first, how many it was right for. Some entries
 * attract reports they do not fix (a WeCom bot that does not reply ranks the trusted-IP entry
 * first whatever the cause), others are rarely first by accident; the words of one query cannot
 * tell these apart, the record of many can. Counts rather than shares, so the table reads as
 * evidence and more of it (feedback, new queries) can be added.
 */
export const ReliabilityTableSchema = z.strictObject({
  /** The share of all tuning queries whose first result was right: what an entry with no record gets. */
  prior: z.number().min(0).max(1),
  /** How many queries' worth of weight the prior has against an entry's own record. */
  strength: z.number().min(0),
  /** Entry id → [right, ranked first]. */
  entries: z.record(
    z.string(),
    z
      .tuple([z.number().int().min(0), z.number().int().min(0)])
      .readonly()
      .refine(([right, ranked]) => right <= ranked, { message: "is right more often than it ranked first" }),
  ),
});
export type ReliabilityTable = z.infer<typeof ReliabilityTableSchema>;

/** A word counts in `wording` once this many tuning queries have used it: fewer are anecdotes. */
export const WORDING_MIN_QUERIES = 3;

/**
 * How the words of a report bear on whether its first result is right, whichever entry that is.
 * Reports of neighbouring problems print the same errors as covered ones but tell them in other
 * words (a proxy, a billing page, a clock that drifted, Outlook): under cross-validation grouped by
 * repository, this lifted what is presented at the same out-of-scope rate by 4 to 6 points, and by
 * 5 to 10 on two sets of reports collected later. Counts, like the reliability table, so that
 * more evidence can be added to them.
 */
export const WordingTableSchema = z.strictObject({
  /** Tuning queries whose first result was right. */
  right: z.number().int().min(0),
  /** Tuning queries whose first result was wrong or that no entry fixes. */
  wrong: z.number().int().min(0),
  /** Word (a term as tokenize.ts makes it) → [right, wrong] among the queries using it. */
  words: z.record(z.string(), z.tuple([z.number().int().min(0), z.number().int().min(0)]).readonly()),
});
export type WordingTable = z.infer<typeof WordingTableSchema>;

/** A word's log-odds of a right first result, against the odds over all queries (add-one smoothed). */
export function wordOdds(table: Pick<WordingTable, "right" | "wrong">, [right, wrong]: readonly [number, number]): number {
  return Math.log((right + 1) / (table.right + 2)) - Math.log((wrong + 1) / (table.wrong + 2));
}

/** The `wording` feature: the mean odds of the words the table knows, 0 when it knows none. */
export function wordingOf(odds: (word: string) => number | undefined, words: Iterable<string>): number {
  let sum = 0;
  let known = 0;
  for (const word of words) {
    const value = odds(word);
    if (value === undefined) continue;
    sum += value;
    known++;
  }
  return known === 0 ? 0 : sum / known;
}

/** The model as `npm run fit:confidence` stores it; the index carries the table as a value per document. */
export const StoredConfidenceModelSchema = z
  .strictObject({
    features: z.array(z.enum(FEATURES as [FeatureName, ...FeatureName[]])).readonly(),
    weights: z.array(z.number()).readonly(),
    bias: z.number(),
    /** A first result is presented when its probability is at least this. */
    threshold: z.number().gt(0).lt(1),
    reliability: ReliabilityTableSchema,
    wording: WordingTableSchema,
  })
  .refine((m) => m.features.length === m.weights.length, { message: "needs one weight per feature" });
export type StoredConfidenceModel = z.infer<typeof StoredConfidenceModelSchema>;
/** The model as the index carries it: the reliability table becomes a value per document, the wording table odds per word. */
export type ConfidenceModel = Omit<StoredConfidenceModel, "reliability" | "wording">;

/** Reads a stored model, or says what in it is wrong and where. */
export function parseConfidenceModel(json: unknown, source: string): StoredConfidenceModel {
  const parsed = StoredConfidenceModelSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} is not a confidence model:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** An entry's record shrunk towards the prior: a few queries move it a little, many move it far. */
export function reliabilityOf(table: ReliabilityTable, id: string): number {
  const [right, ranked] = table.entries[id] ?? [0, 0];
  return (right + table.strength * table.prior) / (ranked + table.strength);
}

/**
 * `aliasCover`: the largest share (by idf) of one of an entry's own names that the query asks
 * for, so that a short query naming the entry is as sure as a long one.
 */
export function nameCover(names: readonly ReadonlySet<string>[], asked: ReadonlyMap<string, number>, termIdf: (term: string) => number | null): number {
  let best = 0;
  for (const name of names) {
    let all = 0;
    let found = 0;
    for (const term of name) {
      const w = termIdf(term) ?? 0;
      all += w;
      if (asked.has(term)) found += w;
    }
    if (all > 0) best = Math.max(best, found / all);
  }
  return best;
}

export function probability(model: ConfidenceModel, x: FeatureVector): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i] ?? 0) * x[name];
  });
  return 1 / (1 + Math.exp(-z));
}

export function vector(x: FeatureVector, names: readonly FeatureName[] = FEATURES): number[] {
  return names.map((name) => x[name]);
}

/**
 * Fits weights by gradient descent on the log loss with a small L2 penalty (features are
 * standardised first, then the weights are mapped back so the model applies to raw features).
 * Deterministic: same data, same weights.
 */
export function fitLogistic(rows: readonly number[][], labels: readonly number[], options: { l2?: number; steps?: number; rate?: number } = {}): { weights: number[]; bias: number } {
  const { l2 = 0.01, steps = 4000, rate = 0.5 } = options;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0) return { weights: new Array<number>(d).fill(0), bias: 0 };
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / n);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / n) || 1);
  const z = rows.map((r) => r.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    z.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-(b + row.reduce((s, v, j) => s + v * (w[j] ?? 0), 0))));
      const err = p - (labels[i] ?? 0);
      row.forEach((v, j) => {
        gw[j] = (gw[j] ?? 0) + err * v;
      });
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / n + l2 * (w[j] ?? 0));
    b -= rate * (gb / n);
  }
  const weights = w.map((wj, j) => wj / (sd[j] ?? 1));
  const bias = b - w.reduce((s, wj, j) => s + (wj * (mean[j] ?? 0)) / (sd[j] ?? 1), 0);
  return { weights, bias };
}
