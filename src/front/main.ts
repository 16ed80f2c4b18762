import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import proxyaddr from "proxy-addr";
import { readEnv, trustList } from "@/config/env";
import { BODY_TIMEOUT_MS, HEADERS_TIMEOUT_MS, MAX_HEADER_BYTES } from "@/serve/limits";
import { guardConnections } from "./connections";
import { createFront, IDLE_MS } from "./handler";
import { createShutdown } from "./shutdown";

/**
 * The production entry point (`node front.mjs` in the standalone folder, built by
 * scripts/postbuild.ts): checks the configuration, starts the Next.js standalone server on a
 * private loopback port, and serves PORT through the front (handler.ts). One container, one
 * command; if Next.js stops by itself, the whole process exits so that Docker restarts it; on
 * SIGTERM or SIGINT both stop gracefully (shutdown.ts).
 */
const result = readEnv();
if (!result.ok) {
  console.error(`排障知识库 cannot start. ${result.message}`);
  process.exit(1);
}
const { PORT, HOSTNAME, CACHE_MB, HEAP_MB, SHUTDOWN_TIMEOUT, TRUST_PROXY, DATA_DIR } = result.env;
const here = path.dirname(fileURLToPath(import.meta.url));
const nextServer = path.join(here, "server.js");
for (const file of [nextServer, path.join(here, "next-child.cjs")]) {
  if (!existsSync(file)) {
    console.error(`排障知识库 cannot start: ${file} is missing (run \`npm run build\`).`);
    process.exit(1);
  }
}

const internalPort = await freePort();
const trusted = proxyaddr.compile(trustList(TRUST_PROXY));
const front = createFront({
  upstream: { host: "127.0.0.1", port: internalPort },
  cacheBytes: CACHE_MB * 1024 * 1024,
  clientKey: (req) => proxyaddr(req, trusted),
});
const server = http.createServer(
  {
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 65_000,
    headersTimeout: HEADERS_TIMEOUT_MS,
    // A backstop: the front reads bodies with its own, shorter deadline (body.ts).
    requestTimeout: BODY_TIMEOUT_MS * 2,
    // How often Node checks those two; its default of 30 s would let a slow client keep its connection that long.
    connectionsCheckingInterval: 1_000,
  },
  front.handle,
);
server.on("checkContinue", front.checkContinue);
guardConnections(server);

let next: ChildProcess | null = null;
const shutdown = createShutdown({
  server,
  front,
  next: () => next,
  timeoutMs: SHUTDOWN_TIMEOUT * 1000,
  log: (line) => console.log(line),
  exit: (code) => process.exit(code),
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => shutdown.begin(`received ${signal}`));
// `kill -USR2 <pid>` prints what the front has done so far, as one JSON line.
process.on("SIGUSR2", () => console.log(JSON.stringify({ front: front.stats() })));

// See next-child.ts: signals reach only the front, which stops Next.js by closing the IPC channel.
next = spawn(process.execPath, ["--require", path.join(here, "next-child.cjs"), `--max-http-header-size=${MAX_HEADER_BYTES}`, `--max-old-space-size=${HEAP_MB}`, nextServer], {
  // The Next.js server runs in its own folder; a relative DATA_DIR means the folder we were started in.
  env: { ...process.env, PORT: String(internalPort), HOSTNAME: "127.0.0.1", KEEP_ALIVE_TIMEOUT: String(IDLE_MS * 2), NEXT_MANUAL_SIG_HANDLE: "1", DATA_DIR: path.resolve(DATA_DIR) },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
process.on("exit", () => next?.kill("SIGKILL"));
next.on("exit", (code, signal) => {
  if (shutdown.started()) return;
  console.error(`排障知识库: the Next.js server stopped (${signal ?? `exit code ${code}`}); stopping too.`);
  process.exit(1);
});

await waitForPort(internalPort);
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason = error.code === "EADDRINUSE" ? `port ${PORT} is already in use` : error.message;
  console.error(`排障知识库 cannot listen on ${HOSTNAME}:${PORT}: ${reason}.`);
  process.exit(1);
});
if (!shutdown.started()) {
  server.listen(PORT, HOSTNAME, () => {
    console.log(`排障知识库 is serving http://${HOSTNAME}:${PORT} (page cache ${CACHE_MB} MB, Next.js on 127.0.0.1:${internalPort})`);
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
  process.exit(1);
}
