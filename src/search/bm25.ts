/**
 * The word-ranking formula, BM25F over prebuilt postings: each posting holds an entry and its
 * term frequency already weighted by field (boost and length normalisation, done at index time),
 * so query time is Σ idf · tf·(k1+1)/(tf+k1) over the asked terms. Relevance is also given
 * normalised to 0–1 by what the query asked for ("how much of the question does this entry
 * answer"), which the confidence layer needs and raw BM25 cannot give.
 */
export interface Postings {
  readonly docCount: number;
  /** Flat [doc, weightedTf × scale, doc, …] for a term, sorted by doc; undefined if unknown. */
  postingsOf(term: string): readonly number[] | undefined;
  /** Postings store tf × this, as integers. */
  readonly scale: number;
}

export interface Bm25Options {
  readonly k1: number;
}

export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

export interface Scores {
  /** Entries that contain at least one asked term, in the order first touched. */
  readonly docs: readonly number[];
  /** BM25F score of each of `docs`. */
  readonly raw: Float64Array;
  /** `raw` divided by the most any entry could score on these terms (0–1). */
  readonly rel: Float64Array;
}

/**
 * Scores every entry containing an asked term. `weights` gives each asked term's weight: its idf
 * when known (see `idf`), or what an unknown term should count against every entry.
 * `scratch` is a per-searcher buffer of one slot per entry, left zeroed after the call.
 */
export function bm25(terms: readonly string[], weights: ReadonlyMap<string, number>, index: Postings, options: Bm25Options, scratch: Float64Array): Scores {
  const { k1 } = options;
  let total = 0;
  for (const term of terms) total += (weights.get(term) ?? 0) * (k1 + 1);
  const docs: number[] = [];
  for (const term of terms) {
    const postings = index.postingsOf(term);
    if (!postings) continue;
    const weight = weights.get(term) ?? 0;
    for (let i = 0; i < postings.length; i += 2) {
      const doc = postings[i] ?? 0;
      const tf = (postings[i + 1] ?? 0) / index.scale;
      if (scratch[doc] === 0) docs.push(doc);
      scratch[doc] = (scratch[doc] ?? 0) + (weight * tf * (k1 + 1)) / (tf + k1);
    }
  }
  const raw = new Float64Array(docs.length);
  const rel = new Float64Array(docs.length);
  docs.forEach((doc, i) => {
    raw[i] = scratch[doc] ?? 0;
    // tf/(tf+k1) < 1, so an entry can never score the whole of what was asked: rel < 1.
    rel[i] = total > 0 ? (scratch[doc] ?? 0) / total : 0;
    scratch[doc] = 0;
  });
  return { docs, raw, rel };
}

/** Whether `doc` is in a term's postings (sorted by doc). */
export function postingsContain(postings: readonly number[], doc: number): boolean {
  let lo = 0;
  let hi = postings.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = postings[mid * 2] ?? 0;
    if (at === doc) return true;
    if (at < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
