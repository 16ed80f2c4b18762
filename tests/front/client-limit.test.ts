import { afterEach, describe, expect, it, vi } from "vitest";
import { createClientLimit } from "@/front/client-limit";

afterEach(() => {
  vi.useRealTimers();
});

describe("each client's line to Next.js", () => {
  it("lets a client run its share, queues the rest in order, and lets others through", () => {
    const limit = createClientLimit({ perClient: 2, queue: 10, waitMs: 1000 });
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const go = (client: string, name: string) => limit.enter(client, (release) => (started.push(name), releases.push(release)), () => started.push(`${name} refused`));
    go("a", "a1");
    go("a", "a2");
    go("a", "a3");
    go("a", "a4");
    go("b", "b1");
    expect(started).toEqual(["a1", "a2", "b1"]);
    expect(limit.stats()).toEqual({ running: 3, waiting: 2 });
    releases[0]?.();
    releases[0]?.(); // twice is once
    expect(started).toEqual(["a1", "a2", "b1", "a3"]);
    expect(limit.stats()).toEqual({ running: 3, waiting: 1 });
  });

  it("refuses past the line's length, and after waiting too long", () => {
    vi.useFakeTimers();
    const limit = createClientLimit({ perClient: 1, queue: 1, waitMs: 1000 });
    const refusals: string[] = [];
    limit.enter("a", () => undefined, (r) => refusals.push(`1 ${r}`));
    limit.enter("a", () => undefined, (r) => refusals.push(`2 ${r}`));
    limit.enter("a", () => undefined, (r) => refusals.push(`3 ${r}`));
    expect(refusals).toEqual(["3 full"]);
    vi.advanceTimersByTime(1000);
    expect(refusals).toEqual(["3 full", "2 timeout"]);
    expect(limit.stats()).toEqual({ running: 1, waiting: 0 });
  });

  it("forgets a request whose client went away while it waited", () => {
    const limit = createClientLimit({ perClient: 1, queue: 5, waitMs: 1000 });
    let release = () => undefined as void;
    limit.enter("a", (r) => (release = r), () => undefined);
    const started: string[] = [];
    const leave = limit.enter("a", () => started.push("gone"), () => undefined);
    limit.enter("a", () => started.push("stayed"), () => undefined);
    leave();
    release();
    expect(started).toEqual(["stayed"]);
  });
});
