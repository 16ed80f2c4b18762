import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleProxy } from "drizzle-orm/pg-proxy";
import { migrate as migrateProxy } from "drizzle-orm/pg-proxy/migrator";
import pg from "pg";
import * as schema from "./schema";

/**
 * The database, either embedded or shared, behind one Drizzle handle and one set of migrations:
 * - no DATABASE_URL: PGlite (PostgreSQL compiled to WebAssembly) with its files under
 *   DATA_DIR/pglite, running in a worker thread (pglite-worker.mjs) so that it never holds up the
 *   thread that serves pages. Drizzle's pg-proxy driver sends it each statement. Only one process
 *   may open those files, so a lock file holds them.
 * - DATABASE_URL: Drizzle's node-postgres driver on a pool of connections to that server, which
 *   several app instances can share. Instances migrating at once take turns on an advisory lock.
 * Both apply the same SQL migrations (./migrations, made by `npm run db:generate`).
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A statement built with Drizzle's query builder (not yet run). */
export interface Statement {
  toSQL(): { sql: string; params: unknown[] };
}

export interface Storage {
  readonly kind: "pglite" | "postgres";
  /** For reads and single statements. */
  readonly db: Db;
  /** A round trip to the database, failing after `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /** Runs statements in order in one transaction: all of them or none. */
  batch(statements: readonly Statement[]): Promise<void>;
  close(): Promise<void>;
}

export interface StorageConfig {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Defaults to the migrations shipped with the app (also in the standalone build). */
  readonly migrationsFolder?: string;
}

/** The folder of SQL migrations; `next build` copies it into the standalone output. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "src", "feedback", "migrations");
const PGLITE_WORKER = path.join(process.cwd(), "src", "feedback", "pglite-worker.mjs");

const MIGRATION_LOCK = 7_140_601; // any constant: the key of the advisory lock held while migrating

/** The data directory is in use by another live process. */
export class StorageBusyError extends Error {}

export async function openStorage(config: StorageConfig): Promise<Storage> {
  const migrationsFolder = config.migrationsFolder ?? MIGRATIONS_FOLDER;
  return config.databaseUrl ? openPostgres(config.databaseUrl, migrationsFolder) : openPglite(config.dataDir, migrationsFolder);
}

async function openPostgres(url: string, migrationsFolder: string): Promise<Storage> {
  // Migrate on one connection of its own, holding the advisory lock for the whole migration.
  const migrator = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: "paizhang-kb migrate" });
  migrator.on("error", () => undefined);
  await migrator.connect();
  try {
    await migrator.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrateNodePg(drizzleNodePg({ client: migrator, schema }), { migrationsFolder });
  } finally {
    await migrator.end().catch(() => undefined);
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // A query the server takes longer than this for fails here instead of holding a request.
    query_timeout: 10_000,
    application_name: "paizhang-kb",
  });
  // A connection the server drops emits "error": on the pool while idle, on the client while it is
  // checked out. Either would stop the process if nobody listened; the query in flight fails on
  // its own and the queue tries again.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db: Db = drizzleNodePg({ client: pool, schema });
  return {
    kind: "postgres",
    db,
    ping: async (timeoutMs) => {
      await withDeadline(pool.query("select 1"), timeoutMs);
    },
    async batch(statements) {
      const client = await pool.connect();
      let failed = false;
      try {
        await client.query("begin");
        for (const statement of statements) {
          const { sql: text, params } = statement.toSQL();
          await client.query(text, params);
        }
        await client.query("commit");
      } catch (error) {
        failed = true;
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        // A connection that failed is destroyed rather than given to the next query.
        client.release(failed);
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Storage> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDirectory(path.join(dir, "pglite.lock"));
  try {
    const worker = await startWorker(path.join(dir, "pglite"));
    const proxy = drizzleProxy(async (text, params, method) => ({ rows: await worker.query(text, params, method === "all" ? "array" : "object") }), { schema });
    await migrateProxy(proxy, (queries) => worker.transaction(queries.map((q) => ({ sql: q, params: [] }))), { migrationsFolder });
    const db: Db = proxy;
    return {
      kind: "pglite",
      db,
      ping: async (timeoutMs) => {
        await withDeadline(worker.query("select 1", [], "object"), timeoutMs);
      },
      batch: (statements) => worker.transaction(statements.map((s) => s.toSQL())),
      close: async () => {
        await worker.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

interface WorkerClient {
  query(sql: string, params: unknown[], rowMode: "array" | "object"): Promise<unknown[]>;
  transaction(statements: readonly { sql: string; params: unknown[] }[]): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; rows?: unknown[]; error?: string } | { ready: boolean; error?: string };

/**
 * Starts the PGlite worker and talks to it one request at a time: the database has one
 * connection, and a transaction's statements must not interleave with anything else.
 */
async function startWorker(dataDir: string): Promise<WorkerClient> {
  const worker = new Worker(PGLITE_WORKER, { workerData: { dataDir } });
  worker.unref();
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let gone: Error | null = null;
  let ready: (() => void) | null = null;
  let failed: ((error: Error) => void) | null = null;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  worker.on("message", (reply: Reply) => {
    if ("ready" in reply) {
      if (reply.ready) ready?.();
      else failed?.(new Error(`the embedded database could not start: ${reply.error ?? "unknown error"}`));
      return;
    }
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.rows ?? []);
  });
  const stop = (error: Error) => {
    gone = error;
    failed?.(error);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", (error) => stop(new Error(`the embedded database stopped: ${error.message}`)));
  worker.on("exit", (code) => stop(new Error(`the embedded database stopped (exit code ${code})`)));
  await started;

  let chain: Promise<unknown> = Promise.resolve();
  const send = (request: Record<string, unknown>): Promise<unknown[]> => {
    const run = () =>
      new Promise<unknown[]>((resolve, reject) => {
        if (gone) return reject(gone);
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      });
    const result = chain.then(run, run);
    chain = result.catch(() => undefined);
    return result;
  };
  return {
    query: (text, params, rowMode) => send({ op: "query", sql: text, params, rowMode }),
    transaction: async (statements) => {
      await send({ op: "transaction", statements });
    },
    close: async () => {
      if (!gone) await send({ op: "close" }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** Takes a lock file naming this process; a lock left by a process that no longer runs is taken over. */
function lockDirectory(file: string): () => void {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new StorageBusyError(`the embedded database in ${path.dirname(file)} is in use by process ${pid}`);
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DeadlineError extends Error {}

export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Rows of a raw SQL query (node-postgres answers `{ rows }`, the proxy driver the rows themselves). */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error("the database driver answered without rows");
  return rows as T[];
}
