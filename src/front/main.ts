import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readEnv } from "@/config/env";
import { createFront, IDLE_MS } from "./handler";

/**
 * The production entry point (`node front.mjs` in the standalone folder, built by
 * scripts/postbuild.ts): checks the configuration, starts the Next.js standalone server on a
 * private loopback port, and serves PORT through the caching front (handler.ts). One container,
 * one command; if either half stops, the whole process exits so that Docker restarts it.
 */
const result = readEnv();
if (!result.ok) {
  console.error(`排障知识库 cannot start. ${result.message}`);
  process.exit(1);
}
const { PORT, HOSTNAME, CACHE_MB, HEAP_MB } = result.env;
const here = path.dirname(fileURLToPath(import.meta.url));
const nextServer = path.join(here, "server.js");
if (!existsSync(nextServer)) {
  console.error(`排障知识库 cannot start: ${nextServer} is missing (run \`npm run build\`).`);
  process.exit(1);
}

const internalPort = await freePort();
// Long search queries and pasted logs arrive in the URL of the no-JS search page: allow big headers.
const next = spawn(process.execPath, ["--max-http-header-size=131072", `--max-old-space-size=${HEAP_MB}`, nextServer], {
  // The Next.js server runs in its own folder; a relative DATA_DIR means the folder we were started in.
  env: { ...process.env, PORT: String(internalPort), HOSTNAME: "127.0.0.1", KEEP_ALIVE_TIMEOUT: String(IDLE_MS * 2), DATA_DIR: path.resolve(result.env.DATA_DIR) },
  stdio: ["ignore", "inherit", "inherit"],
});
let stopping = false;
process.on("exit", () => next.kill("SIGTERM"));
next.on("exit", (code, signal) => {
  if (stopping) process.exit(0);
  console.error(`排障知识库: the Next.js server stopped (${signal ?? `exit code ${code}`}); stopping too.`);
  process.exit(1);
});

await waitForPort(internalPort);
const front = createFront({ upstream: { host: "127.0.0.1", port: internalPort }, cacheBytes: CACHE_MB * 1024 * 1024 });
const server = http.createServer({ maxHeaderSize: 131_072, keepAliveTimeout: 65_000 }, front.handle);
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason = error.code === "EADDRINUSE" ? `port ${PORT} is already in use` : error.message;
  console.error(`排障知识库 cannot listen on ${HOSTNAME}:${PORT}: ${reason}.`);
  process.exit(1);
});
server.listen(PORT, HOSTNAME, () => {
  console.log(`排障知识库 is serving http://${HOSTNAME}:${PORT} (page cache ${CACHE_MB} MB, Next.js on 127.0.0.1:${internalPort})`);
});

// `kill -USR2 <pid>` prints what the cache has done so far, as one JSON line.
process.on("SIGUSR2", () => console.log(JSON.stringify({ front: front.stats() })));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    stopping = true;
    server.close();
    front.close();
    next.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.error("排障知识库: the Next.js server did not start within 60 s.");
  next.kill("SIGTERM");
  process.exit(1);
}
