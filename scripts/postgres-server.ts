import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A throwaway PostgreSQL server on loopback, for the storage tests, the fault test and the load
 * script: Debian's PostgreSQL (installed with apt-get when missing and we are root), a cluster in
 * a temporary directory, trust authentication on 127.0.0.1 only. initdb and pg_ctl refuse to run
 * as root, so as root they run as the `postgres` user.
 *
 * As a command (used by .ci/run and scripts/test.sh):
 *   tsx scripts/postgres-server.ts start   prints `export TEST_DATABASE_URL=… PG_TEST_DIR=…`
 *   tsx scripts/postgres-server.ts stop DIR
 */
export interface PostgresServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server, keeping its data (for the fault test); `start` brings it back. */
  stop(): void;
  start(): void;
  /** Stops the server and deletes its directory. */
  destroy(): void;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, "pg_ctl"))) return fromEnv;
  const found = installedBinDir();
  if (found) return found;
  if (!isRoot) throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl) and installing it needs root: `apt-get install postgresql`.");
  console.error("PostgreSQL is missing: installing Debian's postgresql package");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { stdio: ["ignore", "ignore", "inherit"], env });
  const installed = installedBinDir();
  if (!installed) throw new Error("apt-get installed postgresql but no pg_ctl was found under /usr/lib/postgresql");
  return installed;
}

function installedBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Runs a PostgreSQL program, as `postgres` when we are root. */
function run(bin: string, program: string, args: readonly string[]): void {
  const command = isRoot ? "runuser" : path.join(bin, program);
  const fullArgs = isRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : [...args];
  const result = spawnSync(command, fullArgs, { encoding: "utf8", cwd: os.tmpdir() });
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startPostgres(options: { port?: number } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), "kb-postgres-"));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const server: PostgresServer = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start: () =>
      run(bin, "pg_ctl", [
        "-D",
        data,
        "-l",
        path.join(dir, "server.log"),
        "-w",
        "-t",
        "60",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
        "start",
      ]),
    stop: () => run(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    destroy: () => {
      try {
        server.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  // A marker for `stop DIR`, so that the command line can find the data directory.
  writeFileSync(path.join(dir, "kb-postgres"), `${port}\n`);
  return server;
}

/** Stops and deletes a server started by `start` (from its directory). */
export function destroyPostgres(dir: string): void {
  if (!existsSync(path.join(dir, "kb-postgres"))) throw new Error(`${dir} is not a directory made by scripts/postgres-server.ts`);
  const bin = postgresBinDir();
  try {
    run(bin, "pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, dir] = process.argv.slice(2);
  if (command === "start") {
    const server = await startPostgres();
    console.log(`export TEST_DATABASE_URL='${server.url}' PG_TEST_DIR='${server.dir}'`);
  } else if (command === "stop" && dir) {
    destroyPostgres(dir);
  } else {
    console.error("usage: tsx scripts/postgres-server.ts start | stop DIR");
    process.exit(2);
  }
}
