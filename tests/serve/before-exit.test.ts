import { describe, expect, it, vi } from "vitest";
import { beforeExit, runBeforeExit } from "@/serve/before-exit";

describe("work to finish before the Next.js server exits", () => {
  it("waits for every hook, goes on past one that fails, and stops waiting at the deadline", async () => {
    const done: string[] = [];
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    beforeExit(() => new Promise((resolve) => setTimeout(() => resolve(void done.push("slow")), 50)));
    beforeExit(() => Promise.reject(new Error("database gone")));
    await runBeforeExit(5_000);
    expect(done).toEqual(["slow"]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("database gone"));

    // A hook that never settles: the deadline ends the wait (else this test would time out).
    beforeExit(() => new Promise(() => undefined));
    await runBeforeExit(100);
    log.mockRestore();
  });
});
