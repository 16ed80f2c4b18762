import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { SEARCH_CONFIG } from "@/search/config";
import { createSearcher, type Searcher } from "@/search/rank";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * What the search promises to its callers (the API, the page, the palette), on a small made-up
 * corpus where the right answer is known: the limit is clamped as the README says, and a hit
 * points at the cause the query is about — and at none when it is about none in particular.
 */
const WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basil cedar dahlia ember fern garnet hazel iris jade kelp lotus maple nectar olive pearl quartz rowan sage thyme umber violet willow yarrow zinnia acorn birch clover daisy elm fig ginger heather ivy juniper".split(" ");

const upstream = "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n";
const problem = (id: string, title: string, signature: string, causes: string) =>
  `---\nid: ${id}\nkind: problem\ntitle: ${title}\nsummary: 摘要。\nsystem: general\narea: docker\nsignatures:\n  - ${signature}\nupstream: [S000-8]\nupdated: 2026-11-21\n---\n\n${causes}`;
const cause = (id: string, title: string, signatures: string[] = []) =>
  `## 原因：${title} {#${id}}\n\n${signatures.length ? `### 特征\n\n${signatures.map((s) => `- ${s}`).join("\n")}\n\n` : ""}### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n\n`;

let tree: TempContent;
let searcher: Searcher;
beforeAll(async () => {
  tree = await tempContent();
  await writeFile(path.join(tree.dir, "upstream.yml"), upstream);
  for (const word of WORDS) {
    await tree.write(`docker/svc-${word}.md`, problem(`svc-${word}`, `${word} 服务启动失败`, `service ${word} failed to start`, cause("generic", "配置写错了")));
  }
  await tree.write(
    "docker/backend-down.md",
    problem(
      "backend-down",
      "后端接口一直返回 502",
      "upstream returned 502 for backend",
      cause("mysql-refused", "MySQL 连接被拒绝") +
        cause("redis-auth", "Redis 密码错误") +
        cause("disk-full", "磁盘空间已满", ["No space left on device"]),
    ),
  );
  const { graph, errors } = await buildContent(tree.dir);
  if (!graph) throw new Error(`made-up content has ${errors} errors`);
  // The limits and causes are the contract here, not the fitted model (which is refitted as real
  // queries are added): a fixed one presents any hit scoring above 0.3.
  searcher = createSearcher({ ...buildSearchIndex(graph), confidence: { features: ["score"], weights: [10], bias: -3, threshold: 0.5 } });
});
afterAll(async () => tree.remove());

describe("the search contract", () => {
  const log = WORDS.map((word) => `2024-06-01 10:00:00 ERROR service ${word} failed to start`).join("\n");

  it("answers every line of a log that names a known error", () => {
    const response = searcher.search(log, { limit: SEARCH_CONFIG.maxLimit });
    expect(WORDS.length).toBeGreaterThan(SEARCH_CONFIG.maxLimit);
    expect(response.results).toHaveLength(SEARCH_CONFIG.maxLimit);
  });

  it.each([
    [1000, SEARCH_CONFIG.maxLimit],
    [3, 3],
    [1, 1],
    [0, 1],
    [-5, 1],
    [2.7, 2],
    [Number.NaN, SEARCH_CONFIG.defaultLimit],
    [Number.POSITIVE_INFINITY, SEARCH_CONFIG.defaultLimit],
    [undefined, SEARCH_CONFIG.defaultLimit],
  ])("clamps a limit of %s to %s results", (limit, expected) => {
    expect(searcher.search(log, limit === undefined ? {} : { limit }).results).toHaveLength(expected);
  });

  it("keeps a one-line query to its few best answers and suggestions, whatever the limit", () => {
    const response = searcher.search("服务启动失败", { limit: 50 });
    expect(response.results.length).toBeLessThanOrEqual(SEARCH_CONFIG.maxAnswers);
    expect(response.suggestions.length).toBeLessThanOrEqual(SEARCH_CONFIG.maxSuggestions);
    expect(searcher.search("服务启动失败", { limit: 1 }).suggestions.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ["后端 502，Redis 密码错误", "redis-auth"],
    ["后端接口 502，日志说 MySQL 连接被拒绝", "mysql-refused"],
    ["后端 502 磁盘空间已满", "disk-full"],
    ["write failed: No space left on device", "disk-full"],
  ])("points %j at the cause it describes", (query, causeId) => {
    const hit = searcher.search(query).results.find((r) => r.id === "backend-down");
    expect(hit?.cause).toBe(causeId);
    expect(hit?.url).toBe(`/entry/backend-down#cause-${causeId}`);
  });

  it("points at no cause when the query is about the problem, not one of its causes", () => {
    const hit = searcher.search("后端接口一直返回 502").results.find((r) => r.id === "backend-down");
    expect(hit).toBeDefined();
    expect(hit?.cause).toBeUndefined();
    expect(hit?.url).toBe("/entry/backend-down");
  });
});
