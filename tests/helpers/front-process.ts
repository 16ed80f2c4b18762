import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * A front (`front.mjs` and the Next.js server behind it) of its own, for e2e tests that stop,
 * break or overload it. Ports are offsets from E2E_PORT, so that parallel runs do not collide.
 */
export interface FrontProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  /** Everything it printed so far, stdout and stderr. */
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** What `kill -USR2` prints: the front's counters. */
  readonly stats: () => Promise<{ received: number; inFlight: number }>;
}

export function e2ePort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + offset;
}

export function startFront(offset: number, env: Record<string, string> = {}, standalone = ".next/standalone"): FrontProcess {
  const port = e2ePort(offset);
  const child = spawn(process.execPath, [path.join(standalone, "front.mjs")], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiting: ((line: string) => void)[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const line of chunk.toString("utf8").split("\n")) if (line.startsWith('{"front":')) waiting.shift()?.(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => text,
    exited,
    stats: () =>
      new Promise((resolve) => {
        waiting.push((line) => resolve((JSON.parse(line) as { front: { received: number; inFlight: number } }).front));
        child.kill("SIGUSR2");
      }),
  };
}

export async function waitUntilHealthy(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const status = await fetch(`${base}/api/health`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not become healthy`);
}
