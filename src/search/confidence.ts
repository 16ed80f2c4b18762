/**
 * Whether a ranked entry is presented as the answer is a separate decision from ranking: a small
 * logistic model over a few features of the candidate and of the query, fitted on the tuning
 * part of the real-user development set (`npm run fit:confidence`) and stored as data
 * (`confidence-model.json`), so the same weights run on the server and in the browser.
 */
/**
 * The candidate features, each with the direction it may push confidence: more coverage can never
 * make an answer less likely to be right, more unknown error codes never more likely. Fitting
 * keeps a feature only if its weight agrees (`npm run fit:confidence`), which keeps a model fitted
 * on a few hundred queries from learning noise.
 */
export const FEATURE_DIRECTIONS = {
  /** 0–1: how strongly a claimed error text matched (0 = no signature hit). */
  signature: 1,
  /** 0–1: share of what its best line asked that the entry answers (BM25F normalised). */
  coverage: 1,
  /** 0–1: the same for the whole query read as one text. */
  whole: 1,
  /** 0–1: its best coverage of a line that reports a failure (error, failed, refused…); −1 when no line does. */
  errorLines: 1,
  /** The candidate's combined score. */
  score: 1,
  /** 0–1: how far ahead of the next candidate it is. */
  margin: 1,
  /** +1 an error code of the query is in the entry, −1 the query has error codes and none is, 0 no code. */
  code: 1,
  /** 0–1: share of the query's weight in terms the knowledge base has never seen. */
  unknown: -1,
  /** 0–1: the same for the line the candidate matched best. */
  lineUnknown: -1,
  /** 0–1: how much of the entry's own title, an alias or a signature the query contains (the reverse of coverage). */
  aliasCover: 1,
  /** log(1 + unknown terms that look like another error's name: codes, identifiers, jargon). */
  strange: -1,
  /** 0–1: `coverage` leaving out unknown plain words (the story around the error); unknown codes and identifiers still count against. */
  knownCoverage: 1,
  /** 0–1: the same for `whole`. */
  knownWhole: 1,
  /** log(1 + weight of what the entry answers of its best line), not normalised. */
  matched: 1,
  /** log(1 + asked terms): long stories ask for more than any entry holds. */
  length: -1,
  /** +1 the query's error family (refused connection, SMTP auth…) is one the entry declares, −1 another family, 0 none. */
  family: 1,
} as const;

export type FeatureName = keyof typeof FEATURE_DIRECTIONS;
export const FEATURES = Object.keys(FEATURE_DIRECTIONS) as FeatureName[];
export type FeatureVector = Readonly<Record<FeatureName, number>>;

export interface ConfidenceModel {
  readonly features: readonly FeatureName[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** A first result is presented when its probability is at least this. */
  readonly threshold: number;
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
