/**
 * The fixed limits of recording, in one frozen object: what a request may carry, how much may
 * wait in memory for the database, and how the database's health is watched. The settings a
 * deployment changes (retention, rate, token, RERANK) are environment variables (src/config/env.ts).
 */
const DEFAULTS = {
  /** Request bodies larger than this get 413 before they are read. */
  maxFeedbackBytes: 4 * 1024,
  maxEventBytes: 16 * 1024,
  /** A vote's reason, in characters, after masking. */
  maxReasonChars: 500,
  /** A stored search query and its template, in characters (a pasted log keeps its start). */
  maxQueryChars: 2_000,
  maxTemplateChars: 300,
  /** Entry ids of a search kept in the record. */
  maxShown: 20,
  /** Steps kept in a wizard outcome's path. */
  maxPath: 64,
  /** Records waiting in memory for the database; past this, writes answer 503. */
  queueCap: 5_000,
  /** Records written per statement. */
  batchSize: 500,
  /** Retry delays after a failed write or a failed connection, doubling up to the maximum. */
  retryMinMs: 250,
  retryMaxMs: 5_000,
  /** How often an idle database is pinged, and how long a ping may take. */
  probeMs: 5_000,
  pingTimeoutMs: 2_000,
  /** A write or ping outstanding this long makes the database "slow": writes answer 503 until it answers. */
  slowMs: 2_000,
  /** Buckets of the per-client rate limit kept in memory. */
  rateLimitClients: 50_000,
};

export type FeedbackConfig = { readonly [K in keyof typeof DEFAULTS]: number };
export const FEEDBACK_CONFIG: FeedbackConfig = Object.freeze(DEFAULTS);
