import type { ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import type { Front } from "./handler";

/**
 * Stopping without dropping anyone: on SIGTERM (Docker) or SIGINT (Ctrl+C), stop accepting
 * connections, close the idle ones, let every request in flight finish (each answer now closes
 * its connection), and only then stop Next.js — which would otherwise drop what it is still
 * working on — and exit 0. (Next.js ignores signals itself, next-child.ts, so a Ctrl+C that
 * reaches the whole process group does not stop it early.) At the deadline whatever remains is cut: Next.js is killed and the
 * process exits 1. A second signal cuts at once.
 */
export interface ShutdownParts {
  readonly server: Server;
  readonly front: Pick<Front, "drain" | "idle" | "close" | "stats">;
  /** The Next.js server; null before it is started. */
  readonly next: () => ChildProcess | null;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  readonly exit: (code: number) => void;
}

export function createShutdown(parts: ShutdownParts): { readonly begin: (reason: string) => void; readonly started: () => boolean } {
  let started = false;
  let done = false;

  const finish = (code: number) => {
    if (done) return;
    done = true;
    parts.exit(code);
  };

  const force = (why: string) => {
    if (done) return;
    const { inFlight } = parts.front.stats();
    parts.log(`排障知识库: ${why}; ${inFlight} request(s) still in flight are cut, Next.js is killed.`);
    parts.next()?.kill("SIGKILL");
    parts.server.closeAllConnections();
    finish(1);
  };

  async function run(reason: string): Promise<void> {
    const deadline = setTimeout(() => force(`shutdown took longer than SHUTDOWN_TIMEOUT (${parts.timeoutMs / 1000} s)`), parts.timeoutMs);
    parts.log(`排障知识库: ${reason}: no new connections; finishing ${parts.front.stats().inFlight} request(s) in flight (at most ${parts.timeoutMs / 1000} s).`);
    parts.front.drain();
    parts.server.close();
    parts.server.closeIdleConnections();
    await parts.front.idle();
    parts.front.close();
    const next = parts.next();
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
      // Closing the IPC channel is how the front says "stop" (next-child.ts); signals are ignored there.
      if (next.connected) next.disconnect();
      else next.kill("SIGTERM");
      await exited;
    }
    clearTimeout(deadline);
    parts.log("排障知识库: stopped.");
    finish(0);
  }

  return {
    begin(reason) {
      if (started) {
        force(`${reason} again`);
        return;
      }
      started = true;
      void run(reason);
    },
    started: () => started,
  };
}
