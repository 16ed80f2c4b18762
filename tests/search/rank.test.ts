import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { evaluate, parseEvalFile, partOf } from "@/search/eval";
import { createSearcher } from "@/search/rank";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { graph } = await buildContent(path.join(ROOT, "content"));
if (!graph) throw new Error("content has errors");
const searcher = createSearcher(buildSearchIndex(graph));
const upstreamOf = new Map(graph.entries.map((e) => [e.id, e.upstream]));

describe("ranking", () => {
  it("puts an exact error string first and points at the cause that owns it", () => {
    const response = searcher.search("Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory: '/tmp/pip-uninstall-k2j4h8q1/usr/local/bin/pip3'");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.id).toBe("codo-docker-build-pip-error");
    expect(response.results[0]?.signature).toBeDefined();
  });

  it("links a cause signature hit straight to the cause", () => {
    const problem = graph.entries.find((e) => e.kind === "problem" && e.causes.some((c) => c.signatures.length > 0));
    if (problem?.kind !== "problem") throw new Error("no cause with signatures in the content");
    const cause = problem.causes.find((c) => c.signatures.length > 0)!;
    const hit = searcher.search(`日志里看到 ${cause.signatures[0]} 怎么办`).results.find((r) => r.id === problem.id);
    expect(hit?.cause).toBe(cause.id);
    expect(hit?.url).toBe(`/entry/${problem.id}#cause-${cause.id}`);
  });

  it("finds Chinese questions, English error lines and bare error codes", () => {
    expect(searcher.search("小程序 真机 请求 url not in domain list").results[0]?.id).toBe("miniprogram-url-not-in-domain-list");
    expect(searcher.search("net::ERR_CONNECTION_CLOSED").results[0]?.id).toBe("miniprogram-connection-closed");
    expect(searcher.search("errcode 42001").results[0]?.id).toBe("wechat-access-token-expired");
    expect(searcher.search("ＡｐｐＩＤ参数错误").results[0]?.id).toBe("wechat-login-appid-error");
  });

  it("reads a pasted log line by line and reports every problem in it, with its line", () => {
    const log = [
      "2024-06-01 10:00:00 INFO starting wechat-api",
      "2024-06-01 10:00:01 INFO listening on https://0.0.0.0:8082",
      '2024-06-01 10:05:12 WARN wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-3d4e5f60-7a8b9c0d"}',
      "2024-06-01 10:05:13 INFO retry scheduled",
      "Step 10/16 : RUN pip3 install --upgrade pip",
      "Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory: '/tmp/pip-uninstall-zz81kq0p/usr/local/bin/pip3'",
    ].join("\n");
    const response = searcher.search(log);
    expect(response.lines).toBe(6);
    const byId = new Map(response.results.map((r) => [r.id, r]));
    expect(byId.get("wechat-access-token-expired")?.line).toBe(3);
    expect(byId.get("codo-docker-build-pip-error")?.line).toBe(6);
  });

  it("says plainly when nothing matches well instead of dressing up weak matches", () => {
    for (const q of ["今天天气怎么样", "kubernetes pod CrashLoopBackOff OOMKilled", "asdfghjkl qwertyuiop"]) {
      const response = searcher.search(q);
      expect(response.confident, q).toBe(false);
      expect(response.results, q).toEqual([]);
    }
  });

  it("cuts a query over 20 KB to its last 20 KB and says so", () => {
    const noise = "2024-06-01 10:00:00 INFO heartbeat ok\n".repeat(2000);
    const response = searcher.search(noise + "net::ERR_CONNECTION_CLOSED");
    expect(response.truncated).toBe(true);
    // The tail was searched: its entry ranks first (whether it is presented is the gate's business).
    expect([...response.results, ...response.suggestions][0]?.id).toBe("miniprogram-connection-closed");
    expect(searcher.search("short").truncated).toBe(false);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (q) => {
        const response = searcher.search(q);
        expect(Array.isArray(response.results)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the eval harness on the public queries", () => {
  const file = path.resolve(ROOT, "../shared/evals/search-public.jsonl");
  const dev = path.join(ROOT, "tests/evals/search-dev.jsonl");
  const run = (q: string) => {
    const response = searcher.search(q);
    const ranked = [...response.results, ...response.suggestions];
    return { ranked: ranked.map((r) => upstreamOf.get(r.id) ?? []), presented: response.results.length };
  };

  it.runIf(existsSync(file))("meets top-1 ≥ 0.85, top-3 ≥ 0.95 and leaves every out-of-scope query unanswered", () => {
    const metrics = evaluate(parseEvalFile(readFileSync(file, "utf8")), run);
    expect(metrics.presented.top1).toBeGreaterThanOrEqual(0.85);
    expect(metrics.presented.top3).toBeGreaterThanOrEqual(0.95);
    expect(metrics.outOfScope).toBe(1);
  });

  it("holds up on our own development queries (written apart from the ranking)", () => {
    const metrics = evaluate(parseEvalFile(readFileSync(dev, "utf8")), run);
    expect(metrics.presented.top1).toBeGreaterThanOrEqual(0.85);
    expect(metrics.presented.top3).toBeGreaterThanOrEqual(0.9);
    expect(metrics.outOfScope).toBe(1);
  });

  /*
   * Real users' queries (tests/evals/real-dev.jsonl, each with its source). Issue 10 asks for
   * presented top-1 ≥ 0.85, top-3 ≥ 0.93 and out-of-scope ≥ 0.85 on both parts; the confidence gate
   * does not reach that yet (see the issue's closing note), so these floors hold today's figures
   * and fail on any regression. Raise them as the search improves; never lower them to pass a
   * change. (They were last lowered when 68 more queries the content had never seen were added, 40
   * of them out-of-scope reports that print a covered error for another cause: on the check part
   * the gate then needs a higher threshold to leave 85% of those unanswered.)
   */
  const real = parseEvalFile(readFileSync(path.join(ROOT, "tests/evals/real-dev.jsonl"), "utf8"));
  const floors = {
    tune: { rank1: 0.9, rank3: 0.97, shown1: 0.74, shown3: 0.74, oos: 0.86 },
    check: { rank1: 0.86, rank3: 0.93, shown1: 0.57, shown3: 0.57, oos: 0.85 },
  } as const;
  for (const part of ["tune", "check"] as const) {
    it(`keeps today's figures on the ${part} part of the real users' queries`, () => {
      const metrics = evaluate(real.filter((c) => partOf(c) === part), run);
      const floor = floors[part];
      expect(metrics.ranking.top1).toBeGreaterThanOrEqual(floor.rank1);
      expect(metrics.ranking.top3).toBeGreaterThanOrEqual(floor.rank3);
      expect(metrics.presented.top1).toBeGreaterThanOrEqual(floor.shown1);
      expect(metrics.presented.top3).toBeGreaterThanOrEqual(floor.shown3);
      expect(metrics.outOfScope).toBeGreaterThanOrEqual(floor.oos);
    });
  }
});
