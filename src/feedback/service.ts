import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { FEEDBACK_CONFIG, type FeedbackConfig } from "./config";
import { WriteQueue, type PendingRecord, type QueueStats } from "./queue";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { deleteExpired } from "./retention";
import { settings } from "./schema";
import { createSessionCodec, type SessionCodec } from "./session";
import { openStorage, StorageBusyError, type Storage, type StorageConfig } from "./storage";

/**
 * The recording service of one process: opens the database in the background, keeps it migrated,
 * watches its health, queues writes, runs the retention job and tells whoever asks whether
 * feedback can be taken right now. Reading pages and searching never wait for any of it.
 */
export type StorageState =
  | { readonly status: "starting" }
  | { readonly status: "ok" }
  | { readonly status: "slow"; readonly reason: string }
  | { readonly status: "down"; readonly reason: string };

export interface ServiceOptions {
  readonly storage: StorageConfig;
  readonly retentionDays: number;
  readonly ratePerMinute: number;
  readonly config?: Partial<FeedbackConfig>;
  /** Called after the database opens and then daily: refreshes what is derived from the records. */
  readonly onOpen?: (storage: Storage) => Promise<void>;
}

export type OfferResult = { ok: true } | { ok: false; status: 429 | 503; code: string; message: string };

export interface FeedbackService {
  state(): StorageState;
  /** The open database, for reading (insights, ranking); null while it is not open. */
  storage(): Storage | null;
  sessions(): SessionCodec | null;
  /** Queues a record if the database can take it and the client is within its rate. */
  offer(record: PendingRecord, client: string): OfferResult;
  /** Queues a record the user did not ask to send (a search): silently skipped when it cannot be. */
  offerQuietly(record: PendingRecord, client: string): boolean;
  stats(): QueueStats;
  /** Resolves when everything queued so far is stored. */
  drained(): Promise<void>;
  /**
   * Stops taking records and closes the database. With `flushMs`, first waits up to that long for
   * the records already accepted to be written (at shutdown, src/feedback/server.ts); what is still
   * waiting after that is lost, and said so in the log.
   */
  close(options?: { readonly flushMs?: number }): Promise<void>;
}

const DAY_MS = 86_400_000;

export function startFeedbackService(options: ServiceOptions): FeedbackService {
  const config = { ...FEEDBACK_CONFIG, ...options.config };
  let storage: Storage | null = null;
  // The embedded database belongs to this process alone: its key can live beside it and be ready
  // before the database is (a first start creates the cluster, which takes seconds). Instances that
  // share a server share the key kept in it.
  let codec: SessionCodec | null = options.storage.databaseUrl ? null : createSessionCodec(localSessionKey(options.storage.dataDir));
  let state: StorageState = { status: "starting" };
  let closed = false;
  let pingSince: number | null = null;
  const timers: NodeJS.Timeout[] = [];
  const limiter: RateLimiter = createRateLimiter({ perMinute: options.ratePerMinute, maxClients: config.rateLimitClients });

  const queue = new WriteQueue({
    cap: config.queueCap,
    batchSize: config.batchSize,
    retryMinMs: config.retryMinMs,
    retryMaxMs: config.retryMaxMs,
    write: async (batch) => {
      if (!storage) throw new Error("the database is not open");
      const { writeBatch } = await import("./write");
      await writeBatch(storage, batch);
    },
    onResult: (error) => {
      if (error === null) state = { status: "ok" };
      else state = { status: "down", reason: describe(error) };
    },
  });

  async function open(delay: number): Promise<void> {
    if (closed) return;
    try {
      const opened = await openStorage(options.storage);
      if (closed) {
        await opened.close();
        return;
      }
      storage = opened;
      codec ??= createSessionCodec(await sessionKey(opened));
      state = { status: "ok" };
      queue.resume();
      await daily();
      schedule(() => void daily(), DAY_MS, true);
      schedule(() => void probe(), config.probeMs, true);
    } catch (error) {
      if (storage) return; // opened; only the first daily run failed, and probe will say so
      state = { status: "down", reason: describe(error) };
      if (!(error instanceof StorageBusyError) || delay < 60_000) schedule(() => void open(Math.min(delay * 2, 30_000)), delay, false);
    }
  }

  async function daily(): Promise<void> {
    if (!storage) return;
    try {
      await deleteExpired(storage.db, options.retentionDays, new Date());
      await options.onOpen?.(storage);
    } catch (error) {
      console.error(`排障知识库: daily feedback job failed: ${describe(error)}`);
    }
  }

  async function probe(): Promise<void> {
    if (!storage || pingSince !== null || queue.stats.writingMs > 0) return;
    pingSince = Date.now();
    try {
      await storage.ping(config.pingTimeoutMs);
      if (state.status !== "ok" && queue.stats.waiting === 0) state = { status: "ok" };
      queue.resume();
    } catch (error) {
      state = { status: "down", reason: describe(error) };
    } finally {
      pingSince = null;
    }
  }

  function schedule(run: () => void, ms: number, repeat: boolean): void {
    const timer = repeat ? setInterval(run, ms) : setTimeout(run, ms);
    timer.unref();
    timers.push(timer);
  }

  /** The current state, with "slow" for a write or ping that has been outstanding too long. */
  function current(): StorageState {
    const outstanding = Math.max(queue.stats.writingMs, pingSince === null ? 0 : Date.now() - pingSince);
    if (state.status === "ok" && outstanding >= config.slowMs) {
      return { status: "slow", reason: `the database has not answered for ${Math.round(outstanding / 100) / 10} s` };
    }
    return state;
  }

  function refusal(): OfferResult | null {
    if (closed) return { ok: false, status: 503, code: "storage_unavailable", message: "服务正在停止，反馈暂时无法保存，请稍后再试。" };
    const now = current();
    if (now.status === "down") return { ok: false, status: 503, code: "storage_unavailable", message: "反馈暂时无法保存（数据库不可用），请稍后再试。" };
    if (now.status === "slow") return { ok: false, status: 503, code: "storage_slow", message: "反馈暂时无法保存（数据库响应太慢），请稍后再试。" };
    if (queue.full) return { ok: false, status: 503, code: "storage_busy", message: "反馈太多，暂时无法保存，请稍后再试。" };
    return null;
  }

  void open(config.retryMinMs * 4);

  return {
    state: current,
    storage: () => storage,
    sessions: () => codec,
    offer(record, client) {
      const refused = refusal();
      if (refused) return refused;
      if (!limiter.take(client)) return { ok: false, status: 429, code: "rate_limited", message: "提交太频繁，请稍后再试。" };
      return queue.offer(record) ? { ok: true } : { ok: false, status: 503, code: "storage_busy", message: "反馈太多，暂时无法保存，请稍后再试。" };
    },
    offerQuietly(record, client) {
      return refusal() === null && limiter.take(client) && queue.offer(record);
    },
    stats: () => queue.stats,
    drained: () => queue.drained(),
    async close({ flushMs = 0 } = {}) {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      if (flushMs > 0 && storage) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([queue.drained(), new Promise<void>((resolve) => (timer = setTimeout(resolve, flushMs)))]);
        clearTimeout(timer);
      }
      queue.stop();
      const { waiting } = queue.stats;
      if (waiting > 0) console.error(`排障知识库: ${waiting} feedback record(s) accepted but not written before closing.`);
      await storage?.close();
      storage = null;
    },
  };
}

/** The session-signing key every instance sharing the database uses: made by whichever comes first. */
async function sessionKey(storage: Storage): Promise<string> {
  await storage.db
    .insert(settings)
    .values({ key: "session_key", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await storage.db.select({ value: settings.value }).from(settings).where(eq(settings.key, "session_key"));
  if (!row) throw new Error("the session key could not be read");
  return row.value;
}

function localSessionKey(dataDir: string): string {
  const file = path.join(path.resolve(dataDir), "session.key");
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // none yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** A reason for /api/health and the logs, never a connection string. */
export function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/postgres(?:ql)?:\/\/[^\s]+/gi, "postgres://…").slice(0, 200) || "unknown error";
}
