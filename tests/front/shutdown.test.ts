import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFront, type Front } from "@/front/handler";
import { createShutdown } from "@/front/shutdown";

/**
 * The front before a stand-in for Next.js that answers when the test lets it (never, for /api/hang),
 * and a stand-in for the Next.js process that records the signals it gets.
 */
let upstream: Server;
let held: (() => void)[] = [];
let holding = true;
let server: Server;
let front: Front;
const events: string[] = [];

class FakeNext extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  connected = true;
  /** The front says "stop" by closing the IPC channel. */
  disconnect(): void {
    events.push(`next told to stop with ${front.stats().inFlight} in flight`);
    this.connected = false;
    setTimeout(() => {
      this.exitCode = 0;
      this.emit("exit", 0, null);
    }, 20);
  }
  kill(signal: NodeJS.Signals): boolean {
    events.push(`next ${signal} with ${front.stats().inFlight} in flight`);
    setTimeout(() => {
      this.signalCode = signal;
      this.emit("exit", null, signal);
    }, 20);
    return true;
  }
}

async function start(): Promise<{ base: string; next: FakeNext }> {
  events.length = 0;
  held = [];
  holding = true;
  upstream = http.createServer((req, res) => {
    if (req.url === "/api/hang") return;
    if (holding) held.push(() => res.end(`done ${req.url}`));
    else res.end(`done ${req.url}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  front = createFront({ upstream: { host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }, cacheBytes: 0 });
  server = http.createServer(front.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, next: new FakeNext() };
}

afterEach(async () => {
  front.close();
  server.closeAllConnections();
  upstream.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => upstream.close(r))]);
});

function get(base: string, path: string, agent?: http.Agent): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: agent ?? false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      })
      .on("error", reject);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe("graceful shutdown", () => {
  it("finishes every request in flight, refuses new connections, then stops Next.js and exits 0", async () => {
    const { base, next } = await start();
    let exit = (_code: number) => undefined as void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    const shutdown = createShutdown({ server, front, next: () => next as unknown as ChildProcess, timeoutMs: 5000, log: () => undefined, exit });
    const keepAlive = new http.Agent({ keepAlive: true });
    const inFlight = Array.from({ length: 20 }, (_, i) => get(base, `/entry/${i}`, i % 2 ? keepAlive : undefined));
    // 16 reach Next.js (one client's share), 4 wait in the client's line: all 20 must be answered.
    await until(() => held.length === 16 && front.stats().inFlight === 20);
    shutdown.begin("received SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(get(base, "/entry/late")).rejects.toThrow(/ECONNREFUSED/);
    expect(events).toEqual([]);
    events.push("answering");
    holding = false;
    for (const answer of held) answer();
    const replies = await Promise.all(inFlight);
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(replies.every((r) => r.connection === "close")).toBe(true);
    expect(await exited).toBe(0);
    expect(events).toEqual(["answering", "next told to stop with 0 in flight"]);
    keepAlive.destroy();
  });

  it("at the deadline cuts what is left, kills Next.js and exits 1", async () => {
    const { base, next } = await start();
    const hung = get(base, "/api/hang").catch(() => "cut");
    await until(() => front.stats().inFlight === 1);
    const exited = new Promise<number>((resolve) => {
      createShutdown({ server, front, next: () => next as unknown as ChildProcess, timeoutMs: 200, log: () => undefined, exit: resolve }).begin("received SIGTERM");
    });
    expect(await exited).toBe(1);
    expect(events).toEqual(["next SIGKILL with 1 in flight"]);
    expect(await hung).toBe("cut");
  });

  it("a second signal cuts at once", async () => {
    const { base, next } = await start();
    void get(base, "/api/hang").catch(() => undefined);
    await until(() => front.stats().inFlight === 1);
    const codes: number[] = [];
    const shutdown = createShutdown({ server, front, next: () => next as unknown as ChildProcess, timeoutMs: 60_000, log: () => undefined, exit: (code) => codes.push(code) });
    shutdown.begin("received SIGINT");
    expect(codes).toEqual([]);
    shutdown.begin("received SIGINT");
    expect(codes).toEqual([1]);
  });
});
