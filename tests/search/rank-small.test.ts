import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import type { SearchIndexData } from "@/search/index-data";
import { fold, maskVolatile } from "@/search/normalize";
import { clampLimit, createSearcher } from "@/search/rank";
import { SignatureIndex, signatureRecord } from "@/search/signatures";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * What a search response says about each hit, on a small made-up knowledge base where every
 * answer is known. The index is built while loading; each test makes its own searcher, so that
 * the searcher's code runs inside the test.
 */
const upstream = "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n";
const front = (fields: Record<string, string>) =>
  `---\n${Object.entries({ kind: "problem", summary: "摘要。", system: "general", area: "docker", upstream: "[S000-8]", updated: "2026-11-21", ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n`;
const cause = (id: string, title: string, signatures: string[] = []) =>
  `## 原因：${title} {#${id}}\n\n${signatures.length ? `### 特征\n\n${signatures.map((s) => `- ${s}`).join("\n")}\n\n` : ""}### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n\n`;

const ENTRIES: Record<string, string> = {
  "docker/backend-down.md":
    front({ id: "backend-down", title: "后端接口一直返回 502", signatures: "\n  - upstream returned 502 for backend", summary: "后端挂了，网关就返回 502。" }) +
    cause("mysql-refused", "MySQL 连接被拒绝") +
    cause("disk-full", "磁盘空间已满", ["No space left on device"]),
  "network/gateway-timeout.md":
    front({ id: "gateway-timeout", title: "网关超时 gateway timeout", area: "network", system: "codo", signatures: "\n  - upstream timed out while reading response header from {host}", summary: "网关等后端太久就会超时。" }) +
    cause("slow-backend", "后端处理太慢"),
  "docker/zebra-restart.md":
    front({ id: "zebra-restart", title: "zebra 容器反复重启", signatures: "\n  - zebra exited with code 137", aliases: "\n  - zebra keeps restarting\n  - zebra restart loop", summary: "zebra 容器被杀掉后会反复重启。" }) +
    cause("oom-killed", "内存不够被杀掉"),
  "docker/redis-refused.md":
    front({ id: "redis-refused", title: "Redis 连接被拒绝", signatures: "\n  - connect ECONNREFUSED {host}:{port}", summary: "Redis 没在监听这个端口。" }) +
    cause("not-running", "Redis 没有启动"),
  "docker/zeta-disk.md":
    front({ id: "zeta-disk", title: "zeta 磁盘故障", signatures: "\n  - zeta disk sync failed" }) + cause("read-error", "读盘出错", ["zeta disk read failed"]) + cause("boot-volume", "系统盘坏了", ["zeta disk sync failed on boot volume"]),
};
const NEIGHBOURS = "neighbours:\n  - id: redis-oom\n    title: Redis 内存满了\n    signatures:\n      - OOM command not allowed when used memory\n    hint: 去查 Redis 的 maxmemory。\n";

let tree: TempContent;
let data: SearchIndexData;
beforeAll(async () => {
  tree = await tempContent();
  await writeFile(path.join(tree.dir, "upstream.yml"), upstream);
  await tree.writeRoot("neighbours.yml", NEIGHBOURS);
  for (const [file, text] of Object.entries(ENTRIES)) await tree.write(file, text);
  const { graph, files } = await buildContent(tree.dir);
  if (!graph) throw new Error(`made-up content has errors: ${files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.message)).join("; ")}`);
  // A fixed model (the one fitted when these tests were written): refitting on real queries must
  // not move what this made-up corpus presents.
  data = {
    ...buildSearchIndex(graph),
    confidence: { features: ["score", "whole", "aliasCover", "code", "family"], weights: [1.1259, 5.7068, 2.4289, 0.462, 0.1251], bias: -2.6936, threshold: 0.565 },
  };
});
afterAll(async () => tree.remove());

describe("a hit", () => {
  it("says which entry, where it lives and which cause the error text belongs to", () => {
    const response = createSearcher(data).search("write failed: No space left on device");
    expect(response.confident).toBe(true);
    expect(response.lines).toBe(1);
    expect(response.truncated).toBe(false);
    const hit = response.results[0];
    expect(hit).toMatchObject({
      id: "backend-down",
      title: "后端接口一直返回 502",
      kind: "problem",
      url: "/entry/backend-down#cause-disk-full",
      area: "docker",
      areaLabel: "Docker 部署",
      system: "general",
      systemLabel: "通用",
      cause: "disk-full",
      causeTitle: "磁盘空间已满",
      signature: "No space left on device",
      snippet: "No space left on device",
    });
    expect(hit?.matched[0]).toBe("No space left on device");
    expect(hit?.line).toBeUndefined();
    expect(hit?.score).toBe(Math.round(hit!.score * 1000) / 1000);
  });

  it("shows a signature's placeholders by name and lists the query's words the entry has", () => {
    const hit = createSearcher(data).search("upstream timed out while reading response header from 10.0.0.7").results[0];
    expect(hit?.id).toBe("gateway-timeout");
    expect(hit?.systemLabel).toBe("CODO");
    expect(hit?.areaLabel).toBe("网络与防火墙");
    expect(hit?.signature).toBe("upstream timed out while reading response header from {host}");
    expect(hit?.snippet).not.toContain("{host}");
    expect(hit?.matched.slice(1)).toEqual(expect.arrayContaining(["upstream", "header"]));
    expect(hit?.matched.every((term) => !term.startsWith("~"))).toBe(true);
  });

  it("quotes the entry's best text when no signature matched", () => {
    const hit = createSearcher(data).search("zebra 容器反复重启").results[0];
    expect(hit?.id).toBe("zebra-restart");
    expect(hit?.signature).toBeUndefined();
    expect(hit?.snippet).toBeDefined();
    expect(hit?.matched.length).toBeGreaterThan(0);
    expect(hit?.matched.length).toBeLessThanOrEqual(12);
  });

  it("explains the host and port of a connection error, and shows the placeholders the signature matched", () => {
    const hit = createSearcher(data).search("Error: connect ECONNREFUSED 10.0.0.5:6379").results[0];
    expect(hit).toMatchObject({
      id: "redis-refused",
      snippet: "connect ECONNREFUSED ‹主机›:‹端口›",
      explain: "你连的是内网地址 10.0.0.5:6379（Redis），连接被拒绝。对方的这个端口没有在监听（还没启动，或只监听了 127.0.0.1）。",
    });
    // The signature, then the query's words the entry has; never an error family's internal term.
    expect(hit?.matched).toEqual(["connect ECONNREFUSED {host}:{port}", "connect", "econnrefus"]);
  });

  it("takes a cause's error text over the entry's own when both match and are as specific", () => {
    const searcher = createSearcher(data);
    // The entry's text comes first in the line; the cause's, as long, still wins.
    expect(searcher.search("zeta disk sync failed, then zeta disk read failed").results[0]).toMatchObject({ id: "zeta-disk", cause: "read-error", signature: "zeta disk read failed" });
    expect(searcher.search("zeta disk read failed").results[0]).toMatchObject({ cause: "read-error", url: "/entry/zeta-disk#cause-read-error" });
    expect(searcher.search("zeta disk sync failed").results[0]).toMatchObject({ id: "zeta-disk", signature: "zeta disk sync failed" });
  });

  it("quotes the matched error text rather than any other text of the entry", () => {
    expect(createSearcher(data).search("zebra exited with code 137 容器被杀掉后会反复重启").results[0]?.snippet).toBe("zebra exited with code 137");
  });

  it("takes the more specific of two error texts of an entry that a line contains", () => {
    expect(createSearcher(data).search("zeta disk sync failed on boot volume").results[0]).toMatchObject({ cause: "boot-volume", signature: "zeta disk sync failed on boot volume" });
  });

  it("quotes the text of the cause it points at", () => {
    const hit = createSearcher(data).search("Redis 内存不够被杀掉").results[0];
    expect(hit).toMatchObject({ id: "zebra-restart", cause: "oom-killed", causeTitle: "内存不够被杀掉", snippet: "内存不够被杀掉", url: "/entry/zebra-restart#cause-oom-killed" });
    expect(createSearcher(data).search("zebra 容器反复重启").results[0]?.snippet).toBe("zebra 容器被杀掉后会反复重启。");
  });
});

describe("what is presented", () => {
  it("presents the next results that score at least 0.55 of the first, and suggests the rest", () => {
    const response = createSearcher(data).search("Redis zebra 后端");
    const first = response.results[0]?.score ?? 0;
    expect(response.results[0]?.id).toBe("zebra-restart");
    expect(response.results.length).toBeGreaterThan(1);
    expect(response.suggestions.length).toBeGreaterThan(0);
    expect(response.results.every((h) => h.score >= 0.55 * first)).toBe(true);
    expect(response.suggestions.every((h) => h.score < 0.55 * first && h.score >= 0.12)).toBe(true);
    // A candidate under 0.12 is not even suggested (zeta-disk, by 磁盘 alone, scores 0.117 here).
    expect(createSearcher(data).search("容器 后端 网关 磁盘").suggestions.map((h) => h.id)).toEqual(["zebra-restart", "backend-down", "gateway-timeout"]);
    // An answer after the first points at the cause the query names.
    expect(response.results.find((h) => h.id === "redis-refused")?.cause).toBe("not-running");
  });

  it("asks fuse.js only when the words found nothing good", () => {
    // On one line, a score above the words' own agreement would be a typo bonus.
    const found = createSearcher(data).first("zebra")?.features;
    expect(found?.score).toBe(found?.whole);
  });

  it("in a log, answers each line's best match only when it is good enough on its own", () => {
    const response = createSearcher(data).search("zebra exited with code 137\n连接 失败");
    expect(response.results.map((h) => h.id)).toEqual(["zebra-restart"]);
  });

  it("lists at most 12 matched terms", () => {
    const hit = createSearcher(data).search("zebra 容器被杀掉后会反复重启 内存不够被杀掉 zebra keeps restarting restart loop exited code 137").results[0];
    expect(hit?.matched).toHaveLength(12);
  });

  it("suggests an entry whose name is close to a short query's typo, but reads no log for typos", () => {
    const searcher = createSearcher(data);
    const typo = searcher.search("zebrra");
    expect(typo.results).toEqual([]);
    expect(typo.suggestions.map((h) => h.id)).toEqual(["zebra-restart"]);
    // The bonus for a name one typo away is just under a quarter.
    expect(typo.suggestions[0]?.score).toBeGreaterThan(0.2);
    expect(typo.suggestions[0]?.score).toBeLessThan(0.25);
    expect(searcher.search("zebrra\nqqqq").suggestions).toEqual([]);
  });
});

describe("a pasted log", () => {
  it("says on which line each hit was found, quoting the line without its secrets", () => {
    const log = ["$ docker compose up", "zebra exited with code 137 password=hunter2hunter2", "write failed: No space left on device"].join("\n");
    const response = createSearcher(data).search(log);
    expect(response.lines).toBe(3);
    expect(response.results.map((h) => h.id)).toContain("zebra-restart");
    const byId = new Map([...response.results, ...response.suggestions].map((h) => [h.id, h]));
    expect(byId.get("zebra-restart")?.line).toBe(2);
    expect(byId.get("zebra-restart")?.lineText).toContain("zebra exited with code 137");
    expect(byId.get("zebra-restart")?.lineText).not.toContain("hunter2");
    expect(byId.get("backend-down")?.line).toBe(3);
  });

  it("quotes at most 200 characters of a long line", () => {
    const line = `zebra exited with code 137 ${"x".repeat(300)}`;
    const hit = createSearcher(data).search(`starting\n${line}`).results.find((h) => h.id === "zebra-restart");
    expect(hit?.lineText).toHaveLength(200);
  });
});

describe("neighbouring problems", () => {
  it("names a neighbour the query prints, with its text and hint, and answers nothing", () => {
    const response = createSearcher(data).search("OOM command not allowed when used memory > 'maxmemory'");
    expect(response.confident).toBe(false);
    expect(response.neighbour).toEqual({ id: "redis-oom", title: "Redis 内存满了", hint: "去查 Redis 的 maxmemory。", signature: "OOM command not allowed when used memory" });
    expect(response.neighbour && "line" in response.neighbour).toBe(false);
  });

  it("says on which line of a log the neighbour is, and still answers an entry's own error text on another line", () => {
    const response = createSearcher(data).search("zebra exited with code 137\nOOM command not allowed when used memory");
    expect(response.neighbour?.line).toBe(2);
    expect(response.results.map((h) => h.id)).toContain("zebra-restart");
  });

  it("flags a first result that a neighbour keeps from being the answer", () => {
    const searcher = createSearcher(data);
    expect(searcher.first("zebra 容器 OOM command not allowed when used memory")?.neighbour).toBe(true);
    expect(searcher.first("zebra 容器反复重启")).toMatchObject({ id: "zebra-restart", neighbour: false });
    expect(searcher.first("今天天气怎么样")).toBeNull();
  });
});

describe("the first result's confidence features", () => {
  it("read the entry's names, and whether it has the error code the query names", () => {
    const searcher = createSearcher(data);
    const named = searcher.first("zebra keeps restarting");
    expect(named?.features.aliasCover).toBeGreaterThan(0.9);
    expect(named?.features.code).toBe(0);
    expect(searcher.first("zebra exited with code 137")?.features.code).toBe(1);
    expect(searcher.first("zebra keeps restarting 404")?.features.code).toBe(-1);
  });

  it("read whether the entry has the error family the query shows", () => {
    const searcher = createSearcher(data);
    expect(searcher.first("Error: connect ECONNREFUSED 10.0.0.5:6379")?.features.family).toBe(1);
    expect(searcher.first("getaddrinfo ENOTFOUND mysql")?.features.family).toBe(-1);
    expect(searcher.first("zebra keeps restarting")?.features.family).toBe(0);
  });

  it("do not count the log levels and `ok` a log prints on every line as asked", () => {
    const searcher = createSearcher(data);
    const alone = searcher.first("zebra exited with code 137")?.features.whole ?? 0;
    expect(alone).toBeGreaterThan(0);
    for (const noise of ["INFO ok", "DEBUG: ok", "[TRACE] ok"]) {
      const log = `2024-06-01 10:00:00 ${noise}\nzebra exited with code 137`;
      expect(searcher.first(log)?.features.whole, noise).toBeCloseTo(alone, 6);
    }
  });

  it("read the entry's reliability from the index, and a more reliable entry is presented where a less reliable one is not", () => {
    const query = "zebra 容器反复重启";
    const doc = data.docs.findIndex((d) => d.id === "zebra-restart");
    const withReliability = (value: number) =>
      createSearcher({
        ...data,
        confidence: { features: ["whole", "reliability"], weights: [1, 4], bias: -3, threshold: 0.5 },
        reliability: data.docs.map((_d, i) => (i === doc ? value : 0.5)),
      });
    expect(withReliability(0.9).first(query)?.features.reliability).toBe(0.9);
    expect(withReliability(0.9).search(query).confident).toBe(true);
    expect(withReliability(0.1).search(query).confident).toBe(false);
    expect(withReliability(0.1).search(query).suggestions[0]?.id).toBe("zebra-restart");
  });

  it("read the query's wording from the index: the mean odds of the words it uses, and a query in a neighbour's words is not answered", () => {
    const query = "zebra 容器反复重启 behind the proxy";
    const withWording = (wording: Record<string, number>) =>
      createSearcher({ ...data, confidence: { features: ["whole", "wording"], weights: [1, 2], bias: -0.5, threshold: 0.5 }, reliability: data.docs.map(() => 0.5), wording });
    expect(withWording({}).first(query)?.features.wording).toBe(0);
    expect(withWording({ zebra: 1, proxi: -2, nowhere: 5 }).first(query)?.features.wording).toBeCloseTo(-0.5);
    expect(withWording({ zebra: 1 }).search(query).confident).toBe(true);
    expect(withWording({ zebra: 1, proxi: -3 }).search(query).confident).toBe(false);
    expect(withWording({ zebra: 1, proxi: -3 }).search(query).suggestions[0]?.id).toBe("zebra-restart");
  });

  it("read a long story's wording from all of it, not from the sentence that ranked its entry", () => {
    const searcher = createSearcher({ ...data, wording: { proxi: -2 } });
    const story = "zebra 容器反复重启。我们一直在公司的 proxy 后面上网，已经试过很多办法，还是不行。";
    expect(searcher.first(story)?.words).toContain("proxi");
    expect(searcher.first(story)?.features.wording).toBe(-2);
  });

  it("add to the words' score 0.6 × the signature's weight out of 24", () => {
    const searcher = createSearcher(data);
    const signatures = new SignatureIndex(data.signatures.map((stored) => signatureRecord(stored, new Set(data.keepNumbers))));
    for (const query of ["Error: connect ECONNREFUSED 10.0.0.5:6379", "zebra exited with code 137"]) {
      const folded = fold(query);
      const [hit] = signatures.match(folded, maskVolatile(folded, { keepNumbers: new Set(data.keepNumbers) }));
      const features = searcher.first(query)?.features;
      // On one line, the entry's agreement with the whole query is its score by words alone.
      expect((features?.score ?? 0) - (features?.whole ?? 0), query).toBeCloseTo(0.6 * Math.min(1, (hit?.weight ?? 0) / 24), 9);
    }
  });
});

describe("scoring", () => {
  // Scores of the first result, unrounded: each query adds one term the index has never seen.
  const base = "zebra keeps restarting, zebra restart loop";

  it("counts an unknown word against every entry, and an unknown error code or identifier twice as much", () => {
    const score = (extra: string) => createSearcher(data).first(`${base} ${extra}`.trim())?.features.score ?? 0;
    const word = score("pelican");
    const code = score("98765");
    expect(score("")).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(code);
    // Two Han characters that are no word (a cut across words) count for nothing.
    expect(score("气很")).toBe(score(""));
    // A word of 11 letters is a word; one of 12 reads as an identifier, like an error code.
    expect(score("abcdefghijk")).toBe(word);
    expect(score("abcdefghijkl")).toBe(code);
  });

  it("reads a long story sentence by sentence, up to eight sentences", () => {
    const searcher = createSearcher(data);
    const sentence = "zebra exited with code 137";
    const filler = "第一句话说的是别的事情。".repeat(7);
    // The sentence that names the problem scores as if asked alone, not diluted by the others…
    expect(searcher.first(filler + sentence)?.features.score).toBe(searcher.first(sentence)?.features.score);
    // Also after an English sentence's full stop.
    expect(searcher.first("Yesterday I deployed the app and all was fine. Zebra exited with code 137")?.features.score).toBe(searcher.first("Zebra exited with code 137")?.features.score);
    // A sentence of six characters is read on its own too.
    expect(searcher.first(`${filler}zebra！`)?.features.score).toBe(searcher.first("zebra！")?.features.score);
    // …unless it comes after the eighth.
    expect(searcher.first(`第零句话说的是别的事情。${filler}${sentence}`)?.features.score).toBeLessThan(searcher.first(sentence)?.features.score ?? 0);
  });

  it("reads only a line of over 40 characters sentence by sentence", () => {
    const searcher = createSearcher(data);
    const sentence = "zebra exited with code 137";
    const alone = searcher.first(sentence)?.features.score ?? 0;
    expect(`第一句话说的是别的事情啊啊。${sentence}`).toHaveLength(40);
    expect(searcher.first(`第一句话说的是别的事情啊啊。${sentence}`)?.features.score).toBeLessThan(alone);
    expect(searcher.first(`第一句话说的是别的事情啊啊啊。${sentence}`)?.features.score).toBe(alone);
  });

  it("counts a log line that asks for little (one word) for less than the word asked alone", () => {
    const searcher = createSearcher(data);
    const alone = searcher.search("zebra").results[0]?.score ?? 0;
    const inLog = [...searcher.search("starting app\nzebra").suggestions].find((h) => h.id === "zebra-restart")?.score ?? 0;
    expect(inLog).toBeGreaterThan(0);
    expect(inLog).toBeLessThan(alone / 2);
  });

  it("counts a match on a command the user ran less than one on a line the program printed", () => {
    const searcher = createSearcher(data);
    const score = (line: string) => searcher.search(`starting app\n${line}`).results.find((h) => h.id === "zebra-restart")?.score ?? 0;
    expect(score("$ zebra exited with code 137")).toBeLessThan(score("zebra exited with code 137"));
  });
});

describe("did you mean", () => {
  it("offers a spelling of a short query that then finds an answer", () => {
    const searcher = createSearcher(data);
    expect(searcher.search("zebra").confident).toBe(true);
    expect(searcher.search("zebrra").didYouMean).toBe("zebra");
    expect(searcher.search("zebra").didYouMean).toBeUndefined();
  });

  it("keeps a word the knowledge base writes in another form, and is not offered when the query found an answer", () => {
    const searcher = createSearcher(data);
    // "loops" is known as the stem "loop".
    expect(searcher.search("zebrra loops").didYouMean).toBe("zebra loops");
    expect(searcher.search("zebra keeps restartng").confident).toBe(true);
    expect(searcher.search("zebra keeps restartng").didYouMean).toBeUndefined();
  });

  it("is not offered when the respelled query finds no answer either", () => {
    expect(createSearcher(data).search("zebrra qqqq wwww eeee").didYouMean).toBeUndefined();
  });

  it("is not offered for a query over 32 characters, nor for a log", () => {
    const searcher = createSearcher(data);
    expect(searcher.search(`zebrra${" ".repeat(26)}`).didYouMean).toBe("zebra");
    expect(searcher.search(`zebrra${" ".repeat(27)}`).didYouMean).toBeUndefined();
    expect(searcher.search("zebra\nrestarting").confident).toBe(true);
    expect(searcher.search("zebrra\nrestartng").didYouMean).toBeUndefined();
  });
});

describe("a filter", () => {
  it("keeps answers and suggestions to the chosen facets, and counts every candidate", () => {
    const searcher = createSearcher(data);
    const all = searcher.search("Redis zebra 后端");
    const network = searcher.search("Redis zebra 后端", { filter: { area: "network" } });
    expect([...network.results, ...network.suggestions].map((h) => h.id)).toEqual(["gateway-timeout"]);
    expect(network.facets).toEqual(all.facets);
    expect(all.facets.area).toEqual([
      { value: "docker", count: 3 },
      { value: "network", count: 1 },
    ]);
  });

  it("keeps a log's answers to the chosen facets, line by line", () => {
    const response = createSearcher(data).search("zebra exited with code 137\nconnect ECONNREFUSED 10.0.0.5:6379", { filter: { kind: "problem", system: "general" } });
    expect(response.results.map((h) => h.id).sort()).toEqual(["redis-refused", "zebra-restart"]);
    const codo = createSearcher(data).search("zebra exited with code 137\nconnect ECONNREFUSED 10.0.0.5:6379", { filter: { system: "codo" } });
    expect(codo.results).toEqual([]);
  });
});

describe("limits", () => {
  it("clamps a limit to 1–50, whole, and defaults to 10", () => {
    expect([undefined, Number.NaN, Number.POSITIVE_INFINITY, 0, -3, 1, 2.9, 50, 51, 1000].map(clampLimit)).toEqual([10, 10, 10, 1, 1, 1, 2, 50, 50, 50]);
  });

  it("keeps the suggestions to the limit", () => {
    const searcher = createSearcher(data);
    const all = searcher.search("后端 网关 zebra 容器");
    expect(all.suggestions.length + all.results.length).toBeGreaterThan(1);
    const one = searcher.search("后端 网关 zebra 容器", { limit: 1 });
    expect(one.suggestions.length).toBeLessThanOrEqual(1);
    expect(one.results.length).toBeLessThanOrEqual(1);
  });
});
