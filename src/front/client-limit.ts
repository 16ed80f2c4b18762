/**
 * Each client gets its own line to Next.js: at most `perClient` of its requests are upstream at
 * once, the rest wait in its line in order, and past `queue` waiting (or after waiting `waitMs`)
 * it is refused. One client sending 130 slow requests therefore holds `perClient` upstream
 * connections, not all of them, and everyone else's requests go straight through.
 */
export interface ClientLimitOptions {
  readonly perClient: number;
  readonly queue: number;
  readonly waitMs: number;
}

export type Refusal = "full" | "timeout";

export interface ClientLimit {
  /**
   * Calls `start` once the client may send one more request upstream; `start` gets the function
   * to call when that request is over. Returns a function that gives up waiting (when the client
   * has gone); it does nothing once `start` or `refuse` has been called.
   */
  readonly enter: (client: string, start: (release: () => void) => void, refuse: (reason: Refusal) => void) => () => void;
  readonly stats: () => { readonly running: number; readonly waiting: number };
}

interface Waiter {
  readonly start: (release: () => void) => void;
  readonly timer: NodeJS.Timeout;
}

export function createClientLimit(options: ClientLimitOptions): ClientLimit {
  const lines = new Map<string, { running: number; waiting: Waiter[] }>();
  let running = 0;
  let waiting = 0;

  function release(client: string): void {
    const line = lines.get(client);
    if (!line) return;
    line.running--;
    running--;
    const next = line.waiting.shift();
    if (next) {
      waiting--;
      clearTimeout(next.timer);
      run(client, line, next.start);
    } else if (line.running === 0) {
      lines.delete(client);
    }
  }

  function run(client: string, line: { running: number }, start: (release: () => void) => void): void {
    line.running++;
    running++;
    let released = false;
    start(() => {
      if (released) return;
      released = true;
      release(client);
    });
  }

  return {
    enter(client, start, refuse) {
      let line = lines.get(client);
      if (!line) {
        line = { running: 0, waiting: [] };
        lines.set(client, line);
      }
      if (line.running < options.perClient) {
        run(client, line, start);
        return () => undefined;
      }
      if (line.waiting.length >= options.queue) {
        refuse("full");
        return () => undefined;
      }
      const current = line;
      const waiter: Waiter = {
        start,
        timer: setTimeout(() => {
          leave();
          refuse("timeout");
        }, options.waitMs),
      };
      const leave = () => {
        const at = current.waiting.indexOf(waiter);
        if (at < 0) return;
        current.waiting.splice(at, 1);
        waiting--;
        clearTimeout(waiter.timer);
      };
      current.waiting.push(waiter);
      waiting++;
      return leave;
    },
    stats: () => ({ running, waiting }),
  };
}
