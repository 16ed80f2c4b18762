import { runBeforeExit } from "@/serve/before-exit";

/**
 * Preloaded into the Next.js server that front.mjs starts (`node --require next-child.cjs server.js`,
 * with NEXT_MANUAL_SIG_HANDLE set so that Next.js installs no signal handlers of its own).
 *
 * Signals are the front's to act on: Ctrl+C in a terminal, or a supervisor that signals every
 * process of the group, must not stop Next.js before the front has let the requests in flight
 * finish (shutdown.ts). The front says "stop" by closing the IPC channel between them — which
 * also closes when the front dies any other way, even by SIGKILL, so Next.js never outlives it.
 * Before exiting it finishes what must not be lost (before-exit.ts: the feedback records accepted
 * but not yet written), for at most FLUSH_MS; the front's own SHUTDOWN_TIMEOUT still bounds it all.
 */
const FLUSH_MS = 5_000;

process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => undefined);
process.on("disconnect", () => {
  void runBeforeExit(FLUSH_MS).finally(() => process.exit(0));
});
