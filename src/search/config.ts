/**
 * Every tunable of the search in one frozen object, so that a change is one line and the eval
 * (`npm run eval:search`) measures it. Field boosts weigh where a term was found; BM25's k1
 * saturates repeated terms; the thresholds decide what is presented as an answer.
 */
export const SEARCH_CONFIG = Object.freeze({
  /** Han bigrams are indexed for short fields only; long fields are indexed by whole words. */
  fields: Object.freeze({
    title: { boost: 3, b: 0.3, bigrams: true },
    aliases: { boost: 2.5, b: 0.3, bigrams: true },
    signatures: { boost: 3, b: 0.3, bigrams: true },
    tags: { boost: 2, b: 0.2, bigrams: true },
    summary: { boost: 1.5, b: 0.5, bigrams: true },
    causes: { boost: 1.5, b: 0.5, bigrams: true },
    checks: { boost: 1.2, b: 0.6, bigrams: true },
    fixes: { boost: 1, b: 0.75, bigrams: false },
    body: { boost: 0.6, b: 0.75, bigrams: false },
  }),
  k1: 1.2,
  /** A query is cut to its last this-many bytes (UTF-8), with a note. */
  maxQueryBytes: 20 * 1024,
  /** At most this many distinct lines of a pasted log are scored. */
  maxLines: 400,
  /** At most this many distinct terms of one line are scored. */
  maxTermsPerLine: 64,
  /** …and of a whole paste, read together as the context of its lines. */
  maxTermsPerPaste: 256,
  /** The term weight (Σ idf·(k1+1)) below which a log line's matches count proportionally less. */
  lineEvidence: 18,
  /** How much agreement with the whole paste adds to an entry's best line score. */
  pasteWeight: 0.5,
  /** fuse.js and "did you mean" only look at short queries: they are for typos in names, not logs or stories. */
  fuzzyMaxChars: 48,
  /** fuse.js is only asked when no entry covers at least this much (0–1) of a short query. */
  fuzzyBelow: 0.34,
  /** Once the first result is presented, the next ones are too if they score at least this share of it. */
  answerRelativeFloor: 0.55,
  /** Below this, a match is not even a suggestion. */
  suggestionThreshold: 0.12,
  maxAnswers: 5,
  maxSuggestions: 5,
  defaultLimit: 10,
  maxLimit: 50,
});

export type SearchConfig = typeof SEARCH_CONFIG;
