// The embedded database (PGlite) in a worker thread of its own. PGlite is PostgreSQL compiled to
// WebAssembly and runs on the thread that calls it: opening it (about a second, several the first
// time, when it creates the cluster) and every statement would otherwise hold up the thread that
// serves pages. storage.ts talks to this worker by messages; it is plain JavaScript so that Node
// can start it as it is, in development, in tests and in the standalone build.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

let db;
try {
  db = await PGlite.create(workerData.dataDir);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

// Requests: { id, op: "query", sql, params, rowMode } → { id, rows }
//           { id, op: "transaction", statements: [{ sql, params }] } → { id, rows: [] }
//           { id, op: "close" } → { id, rows: [] }
// The main thread sends one request at a time.
parentPort.on("message", async (request) => {
  try {
    let rows = [];
    if (request.op === "query") {
      rows = (await db.query(request.sql, request.params, { rowMode: request.rowMode })).rows;
    } else if (request.op === "transaction") {
      await db.transaction(async (tx) => {
        for (const statement of request.statements) await tx.query(statement.sql, statement.params);
      });
    } else if (request.op === "close") {
      await db.close();
    } else {
      throw new Error(`unknown operation ${String(request.op)}`);
    }
    parentPort.postMessage({ id: request.id, rows });
    if (request.op === "close") process.exit(0);
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
