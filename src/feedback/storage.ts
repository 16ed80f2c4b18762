import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

/**
 * The database, either embedded or shared, behind one Drizzle handle and one set of migrations:
 * - no DATABASE_URL: PGlite (PostgreSQL compiled to WebAssembly, in this process) with its files
 *   under DATA_DIR/pglite. Only one process may open those files, so a lock file holds them;
 * - DATABASE_URL: a pool of node-postgres connections to that server, which several app
 *   instances can share. Instances migrating at the same moment take turns on an advisory lock.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Storage {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** A round trip to the database, failing after `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /** Runs `work` in a transaction; a connection that failed is thrown away, never reused. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
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
  // checked out (inside a transaction). Either would stop the process if nobody listened; the
  // query in flight fails on its own and the queue tries again.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db: Db = drizzleNodePg({ client: pool, schema });
  return {
    kind: "postgres",
    db,
    // Not db.transaction(): drizzle 0.45 sends BEGIN outside its try block, so a connection that
    // fails at BEGIN is never released, and one that fails later goes back to the pool as if sound.
    // Here the connection is checked out, and given back or destroyed, by us.
    async transaction(work) {
      const client = await pool.connect();
      let failed = false;
      try {
        return await drizzleNodePg({ client, schema }).transaction(work);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        client.release(failed);
      }
    },
    ping: async (timeoutMs) => {
        await withDeadline(db.execute(sql`select 1`), timeoutMs);
      },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Storage> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDirectory(path.join(dir, "pglite.lock"));
  try {
    const client = await PGlite.create(path.join(dir, "pglite"));
    const db: Db = drizzlePglite({ client, schema });
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    return {
      kind: "pglite",
      db,
      transaction: (work) => db.transaction(work),
      ping: async (timeoutMs) => {
        await withDeadline(db.execute(sql`select 1`), timeoutMs);
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
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

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error("the database driver answered without rows");
  return rows as T[];
}
