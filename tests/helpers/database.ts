import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startPostgres } from "../../scripts/postgres-server";

/**
 * Databases for the storage tests. A real PostgreSQL server: the one named by TEST_DATABASE_URL
 * (`.ci/run` and `npm test` start one), in a fresh database per test file; or, when none is
 * given (`npx vitest run` alone), a throwaway server of this file's own.
 */
export interface TestDatabase {
  readonly url: string;
  cleanup(): Promise<void>;
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) {
    const server = await startPostgres();
    return { url: server.url, cleanup: async () => server.destroy() };
  }
  const name = `kb_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: shared });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** An empty directory for an embedded database. */
export function pgliteDirectory(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kb-pglite-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
