/**
 * Preloaded into the Next.js server that front.mjs starts (`node --require next-child.cjs server.js`,
 * with NEXT_MANUAL_SIG_HANDLE set so that Next.js installs no signal handlers of its own).
 *
 * Signals are the front's to act on: Ctrl+C in a terminal, or a supervisor that signals every
 * process of the group, must not stop Next.js before the front has let the requests in flight
 * finish (shutdown.ts). The front says "stop" by closing the IPC channel between them — which
 * also closes when the front dies any other way, even by SIGKILL, so Next.js never outlives it.
 */
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => undefined);
process.on("disconnect", () => process.exit(0));
