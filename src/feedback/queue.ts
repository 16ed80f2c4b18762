import type { NewSearch, NewSearchOpen, NewVote, NewWizardOutcome } from "./schema";

/** One row to store, tagged with its table. */
export type PendingRecord =
  | { readonly table: "votes"; readonly row: NewVote }
  | { readonly table: "wizardOutcomes"; readonly row: NewWizardOutcome }
  | { readonly table: "searches"; readonly row: NewSearch }
  | { readonly table: "searchOpens"; readonly row: NewSearchOpen };

export interface QueueOptions {
  readonly cap: number;
  readonly batchSize: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** Stores a batch; rejects to have the same batch tried again later. */
  readonly write: (batch: readonly PendingRecord[]) => Promise<void>;
  /** Told after each attempt: null when it succeeded, else the error. */
  readonly onResult?: (error: unknown) => void;
}

export interface QueueStats {
  readonly accepted: number;
  readonly stored: number;
  readonly rejected: number;
  readonly waiting: number;
  /** Milliseconds the current write has been running, 0 when none is. */
  readonly writingMs: number;
}

/**
 * Records wait here between the request that made them and the database: the request answers
 * at once (202), and a slow or absent database costs memory up to `cap` records, never a request
 * thread. Records are written in order, in batches; a batch that fails stays at the head of the
 * queue and is tried again with growing delays, so nothing accepted is dropped while the process
 * lives.
 */
export class WriteQueue {
  private readonly items: PendingRecord[] = [];
  private writing: { since: number } | null = null;
  private paused = true;
  private retryTimer: NodeJS.Timeout | null = null;
  private delay: number;
  private counts = { accepted: 0, stored: 0, rejected: 0 };
  private idle: (() => void)[] = [];

  constructor(private readonly options: QueueOptions) {
    this.delay = options.retryMinMs;
  }

  /** False when the queue is full: the caller answers 503. */
  offer(record: PendingRecord): boolean {
    if (this.items.length >= this.options.cap) {
      this.counts.rejected++;
      return false;
    }
    this.items.push(record);
    this.counts.accepted++;
    this.kick();
    return true;
  }

  /** Writes start once the database is open. */
  resume(): void {
    this.paused = false;
    this.kick();
  }

  get stats(): QueueStats {
    return { ...this.counts, waiting: this.items.length, writingMs: this.writing ? Date.now() - this.writing.since : 0 };
  }

  get full(): boolean {
    return this.items.length >= this.options.cap;
  }

  /** Resolves when everything accepted so far has been written (or immediately if paused and empty). */
  drained(): Promise<void> {
    if (this.items.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stops retrying; what is waiting stays in memory. */
  stop(): void {
    this.paused = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private kick(): void {
    if (this.paused || this.writing || this.retryTimer || this.items.length === 0) return;
    void this.writeNext();
  }

  private async writeNext(): Promise<void> {
    const batch = this.items.slice(0, this.options.batchSize);
    this.writing = { since: Date.now() };
    let failure: unknown = null;
    try {
      await this.options.write(batch);
    } catch (error) {
      failure = error ?? new Error("write failed");
    }
    this.writing = null;
    if (failure === null) {
      this.items.splice(0, batch.length);
      this.counts.stored += batch.length;
      this.delay = this.options.retryMinMs;
      this.options.onResult?.(null);
      if (this.items.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
      this.kick();
      return;
    }
    this.options.onResult?.(failure);
    if (this.paused) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, this.delay);
    this.retryTimer.unref();
    this.delay = Math.min(this.delay * 2, this.options.retryMaxMs);
  }
}
