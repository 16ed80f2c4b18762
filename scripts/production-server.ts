import { spawn, type ChildProcessByStdio } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * For the measuring scripts (load, audit): starts the built production server (`front.mjs` and
 * the Next.js server behind it) on a loopback port, stops it when the script exits, and resolves
 * once its health endpoint answers.
 */
export async function startProductionServer(port: number): Promise<ChildProcessByStdio<null, Readable, null>> {
  const entry = path.resolve(".next/standalone/front.mjs");
  if (!existsSync(entry)) {
    console.error("No standalone build: run `npm run build` first.");
    process.exit(1);
  }
  const server = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout.resume();
  process.on("exit", () => server.kill("SIGTERM"));
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  return server;
}

/** Resolves once `url` answers 2xx; throws after about 20 s. */
export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer ${url}`);
}
