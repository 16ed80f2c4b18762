import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import type { KnowledgeGraph } from "@/content/graph";
import { buildSearchIndex, forBrowser } from "@/search/build-index";
import type { SearchIndexData } from "@/search/index-data";
import { unpackPostings, unpackVocabulary } from "@/search/packing";
import { loadNeighbours } from "@/search/neighbours";
import { signatureRecord } from "@/search/signatures";
import { stem } from "@/search/tokenize";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * The index builder on made-up entries whose every word is placed in one field: the stored
 * weights can be worked out by hand. The graphs are read while loading (that is content code);
 * each test builds the index itself, so that the builder's own code runs inside the test.
 */
const upstream = "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n";
const front = (fields: Record<string, string>) =>
  `---\n${Object.entries({ system: "general", area: "docker", upstream: "[S000-8]", updated: "2026-11-21", ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n`;

const problem =
  front({ id: "zebra-down", kind: "problem", title: "zebra 服务启动失败", summary: "摘要 pelican。", tags: "[ocelot]", aliases: "\n  - yak 服务 connection refused", signatures: "\n  - walrus gateway returned 502\n  - https://example.org/" }) +
  "开头 heron 说明，connection timed out。\n\n" +
  "## 原因：lynx 配置写错了 {#lynx-cause}\n\n描述 bison。\n\n### 特征\n\n- quota 98765 exceeded for gecko\n\n### 检查\n\nlemur 是这样吗？\n\n细节 dingo。\n\n### 解决\n\n照做 tapir。\n\n" +
  "## 原因：防火墙没放行 {#second-cause}\n\n### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n\n" +
  "## 说明\n\n补充 moose。\n";

const question =
  front({ id: "zebra-how", kind: "question", title: "zebra 怎么办？", summary: "摘要。" }) +
  "开头 heron。\n\n## 回答\n\n可以 pelican。\n\n另外 tapir。\n\n## 说明\n\n补充 moose。\n";

const guide =
  front({ id: "zebra-guide", kind: "guide", title: "zebra 指南", summary: "摘要。" }) +
  "开头 heron。\n\n## 第一步 lynx\n\n照做 tapir。\n\n- [ ] 确认 lemur\n";

let trees: TempContent[] = [];
const graphs: Record<"problem" | "question" | "guide" | "several" | "twins", KnowledgeGraph> = {} as never;

async function graphOf(files: Record<string, string>): Promise<KnowledgeGraph> {
  const tree = await tempContent();
  trees.push(tree);
  await writeFile(path.join(tree.dir, "upstream.yml"), upstream);
  for (const [file, text] of Object.entries(files)) await (file.endsWith(".yml") ? tree.writeRoot(file, text) : tree.write(file, text));
  const { graph, files: read } = await buildContent(tree.dir);
  if (!graph) throw new Error(`made-up content has errors: ${read.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}: ${m.message}`)).join("; ")}`);
  return graph;
}

beforeAll(async () => {
  graphs.problem = await graphOf({ "docker/zebra-down.md": problem });
  graphs.question = await graphOf({ "docker/zebra-how.md": question });
  graphs.guide = await graphOf({ "docker/zebra-guide.md": guide });
  const twin = (id: string, title: string, signature: string) =>
    front({ id, kind: "problem", title, summary: "摘要。", signatures: `\n  - ${signature}` }) + "## 原因：原因一 {#one}\n\n### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n";
  graphs.twins = await graphOf({ "docker/twin-a.md": twin("twin-a", "zebra alpha 报错", "walrus crashed"), "docker/twin-b.md": twin("twin-b", "zebra bravo 报错", "osprey crashed") });
  graphs.several = await graphOf({
    "docker/a-short.md": front({ id: "a-short", kind: "problem", title: "zebra 报错", summary: "重试 7 次。", signatures: "\n  - walrus crashed on 3.10.2" }) + "## 原因：原因一 {#one}\n\n### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n",
    "docker/b-long.md":
      front({ id: "b-long", kind: "problem", title: "zebra 服务 启动 以后 一直 反复 重启 报错", summary: "摘要。", area: "network", signatures: "\n  - osprey gateway timed out" }) +
      "## 原因：原因一 {#one}\n\n### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n\n## 原因：原因二 {#two}\n\n### 特征\n\n- bison failed with v8 on x86_64 code 12345\n\n### 检查\n\n是这样吗？\n\n### 解决\n\n照做。\n",
    "neighbours.yml": "neighbours:\n  - id: far-away\n    title: 别处的问题\n    signatures:\n      - kestrel error 87014\n      - kestrel failed on {host}\n    hint: 去别处查。\n",
  });
});
afterAll(async () => {
  await Promise.all(trees.map((tree) => tree.remove()));
  trees = [];
});

/** The stored weight (× WEIGHT_SCALE) of a word for each entry that has it. */
function weights(data: SearchIndexData, word: string): Record<number, number> {
  const at = unpackVocabulary(data.vocabulary).indexOf(stem(word));
  const list = unpackPostings(data.postings[at] ?? []);
  const out: Record<number, number> = {};
  for (let i = 0; i < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

describe("term weights", () => {
  // With a single entry every field is exactly of average length, so a weight is its field's boost.
  it("weigh a word of a problem by the field it is in", () => {
    const data = buildSearchIndex(graphs.problem);
    const stored = Object.fromEntries(["zebra", "yak", "walrus", "gecko", "ocelot", "pelican", "lynx", "lemur", "dingo", "tapir", "heron", "bison", "moose"].map((w) => [w, weights(data, w)]));
    expect(stored).toEqual({
      zebra: { 0: 30 }, // title
      yak: { 0: 25 }, // aliases
      walrus: { 0: 30 }, // signatures: the entry's own…
      gecko: { 0: 30 }, // …and its causes'
      ocelot: { 0: 20 }, // tags
      pelican: { 0: 15 }, // summary
      lynx: { 0: 15 }, // cause titles
      lemur: { 0: 12 }, // check questions…
      dingo: { 0: 12 }, // …and their details
      tapir: { 0: 10 }, // fixes
      heron: { 0: 6 }, // intro, cause description and notes: body
      bison: { 0: 6 },
      moose: { 0: 6 },
    });
  });

  it("weigh a word of a question by the field it is in", () => {
    const data = buildSearchIndex(graphs.question);
    // The short answer (the answer's first paragraph) is also in the answer.
    expect([weights(data, "zebra"), weights(data, "pelican"), weights(data, "tapir"), weights(data, "heron"), weights(data, "moose")]).toEqual([{ 0: 30 }, { 0: 25 }, { 0: 10 }, { 0: 6 }, { 0: 6 }]);
  });

  it("weigh a word of a guide by the field it is in", () => {
    const data = buildSearchIndex(graphs.guide);
    // Step titles count as causes, step bodies as fixes, and their checklists as checks too.
    expect([weights(data, "zebra"), weights(data, "lynx"), weights(data, "lemur"), weights(data, "tapir"), weights(data, "heron")]).toEqual([{ 0: 30 }, { 0: 15 }, { 0: 22 }, { 0: 10 }, { 0: 6 }]);
  });

  it("weigh a word by its field's length against the average over every entry", () => {
    // Two entries whose fields are as long as each other's: each is exactly of average length.
    const data = buildSearchIndex(graphs.twins);
    expect(weights(data, "zebra")).toEqual({ 0: 30, 1: 30 });
    expect(weights(data, "walrus")).toEqual({ 0: 30 });
  });

  it("mark the error families of signatures and aliases, not of other fields", () => {
    const data = buildSearchIndex(graphs.problem);
    // "connection refused" is in an alias, "connection timed out" in the intro.
    expect(weights(data, "~fam:refused")[0]).toBeGreaterThan(0);
    expect(weights(data, "~fam:timeout")).toEqual({});
  });

  it("weigh a word more in a shorter field than in a longer one of the same kind", () => {
    const data = buildSearchIndex(graphs.several);
    const zebra = weights(data, "zebra");
    expect(Object.keys(zebra)).toEqual(["0", "1"]);
    expect(zebra[0]).toBeGreaterThan(zebra[1]!);
  });
});

describe("the index built", () => {
  it("describes each entry: its kind, place, causes, summary sentences and aliases", () => {
    const data = buildSearchIndex(graphs.problem);
    expect(data.format).toBe(7);
    expect(data.version).toBe(graphs.problem.version);
    expect(data.docs[0]).toMatchObject({
      id: "zebra-down",
      title: "zebra 服务启动失败",
      kind: "problem",
      area: "docker",
      system: "general",
      causes: [
        { id: "lynx-cause", title: "lynx 配置写错了", question: "lemur 是这样吗？" },
        { id: "second-cause", title: "防火墙没放行", question: "是这样吗？" },
      ],
      summary: ["摘要 pelican。"],
      aliases: ["yak 服务 connection refused"],
    });
    expect(buildSearchIndex(graphs.question).docs[0]?.causes).toEqual([]);
    expect(buildSearchIndex(graphs.guide).docs[0]?.causes).toEqual([]);
    expect(data.labels).toEqual({ "area:docker": "Docker 部署", "system:general": "通用" });
  });

  it("stores the vocabulary sorted, each term once", () => {
    const terms = unpackVocabulary(buildSearchIndex(graphs.several).vocabulary);
    expect(terms).toEqual([...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(terms.length).toBeGreaterThan(10);
  });

  it("keeps each signature with its entry and cause, and drops one that masking reduces to almost nothing", () => {
    const data = buildSearchIndex(graphs.problem);
    expect(data.signatures).toEqual([
      { text: "walrus gateway returned 502", doc: 0, cause: -1 },
      { text: "quota 98765 exceeded for gecko", doc: 0, cause: 0 },
    ]);
    // 98765 is a number the content writes, so it stays literal in the signature once loaded.
    const loaded = data.signatures.map((stored) => signatureRecord(stored, new Set(data.keepNumbers)));
    expect(loaded.map((r) => r.pattern)).toEqual([false, false]);
    expect(loaded[1]?.norm).toContain("98765");
  });

  it("stores each name and each cause as the ids of its known terms", () => {
    const data = buildSearchIndex(graphs.problem);
    const vocabulary = unpackVocabulary(data.vocabulary);
    const words = (ids: readonly number[] | undefined) => (ids ?? []).map((id) => vocabulary[id]);
    const [zebra, yak, walrus, lynx, lemur, gecko] = ["zebra", "yak", "walrus", "lynx", "lemur", "gecko"].map(stem);
    const doc = data.docs[0]!;
    // Title, alias and the entry's own signature (not its cause's).
    expect(doc.names).toHaveLength(3);
    expect(words(doc.names?.[0])).toContain(zebra);
    expect(words(doc.names?.[1])).toContain(yak);
    expect(words(doc.names?.[2])).toContain(walrus);
    expect(doc.names?.flat()).not.toContain(-1);
    // A cause's words: its title, its question and its own signatures, not another cause's.
    expect(words(doc.causes[0]?.terms)).toEqual(expect.arrayContaining([lynx, lemur, gecko]));
    expect(words(doc.causes[1]?.terms)).not.toContain(gecko);
    expect(words(doc.causes[1]?.terms)).not.toContain(lynx);
    // …and the concepts they name (synonyms.ts).
    expect(words(doc.causes[1]?.terms)).toContain("~防火墙");
  });

  it("groups the signatures of several entries by entry and cause", () => {
    const data = buildSearchIndex(graphs.several);
    expect(data.docs.map((d) => d.id)).toEqual(["a-short", "b-long"]);
    expect(data.signatures.map(({ text, doc, cause }) => ({ text, doc, cause }))).toEqual([
      { text: "walrus crashed on 3.10.2", doc: 0, cause: -1 },
      { text: "osprey gateway timed out", doc: 1, cause: -1 },
      { text: "bison failed with v8 on x86_64 code 12345", doc: 1, cause: 1 },
    ]);
    const vocabulary = unpackVocabulary(data.vocabulary);
    const [a, b] = data.docs;
    const [walrus, osprey, bison] = ["walrus", "osprey", "bison"].map(stem);
    expect(a?.names?.map((ids) => ids.map((id) => vocabulary[id]))).toContainEqual(expect.arrayContaining([walrus]));
    expect(b?.names?.flat().map((id) => vocabulary[id])).not.toContain(walrus);
    expect(b?.names?.flat().map((id) => vocabulary[id])).toContain(osprey);
    expect(b?.causes[1]?.terms?.map((id) => vocabulary[id])).toContain(bison);
    expect(b?.causes[0]?.terms?.map((id) => vocabulary[id])).not.toContain(bison);
    expect(data.labels).toEqual({ "area:docker": "Docker 部署", "area:network": "网络与防火墙", "system:general": "通用" });
  });

  it("keeps literal every number of two or more digits the entries and the neighbours write, sorted", () => {
    const data = buildSearchIndex(graphs.several);
    // Not 7 (one digit), nor the digits inside v8 or x86_64, but a version as a whole; 87014 is a neighbour's.
    expect(data.keepNumbers).toEqual(["12345", "3.10.2", "87014"]);
    expect(buildSearchIndex(graphs.problem).keepNumbers).toEqual(["502", "98765"]);
  });

  it("stores the neighbours' signatures as written, and loads them as a query line must contain them", () => {
    const data = buildSearchIndex(graphs.several);
    expect(data.neighbours).toEqual([{ id: "far-away", title: "别处的问题", hint: "去别处查。", signatures: ["kestrel error 87014", "kestrel failed on {host}"] }]);
    expect(loadNeighbours(data.neighbours, new Set(data.keepNumbers))[0]?.signatures).toEqual([
      { text: "kestrel error 87014", norm: "kestrel error 87014", pattern: false },
      { text: "kestrel failed on {host}", norm: "kestrel failed on {host}", pattern: true },
    ]);
  });

  it("carries the model's weights as they are, its reliability table as one value per entry, in the entries' order, and its wording table as odds per word", () => {
    const table = { prior: 0.6, strength: 5, entries: { "b-long": [10, 10], "no-such-entry": [0, 10] } } as const;
    const wording = { right: 8, wrong: 2, words: { mysql: [6, 0], proxy: [0, 2], ["__proto__"]: [1, 1] } } as const;
    const model = { features: ["whole", "reliability"] as const, weights: [1, 2], bias: -1, threshold: 0.5, reliability: table, wording };
    const data = buildSearchIndex(graphs.several, model);
    expect(data.confidence).toEqual({ features: ["whole", "reliability"], weights: [1, 2], bias: -1, threshold: 0.5 });
    expect(data.docs.map((d) => d.id)).toEqual(["a-short", "b-long"]);
    expect(data.reliability).toEqual([0.6, 0.87]);
    // ln(7/10) − ln(1/4) = 1.03; ln(1/10) − ln(3/4) = −2.01; ln(2/10) − ln(2/4) = −0.92
    expect(data.wording).toEqual({ mysql: 1, proxy: -2, ["__proto__"]: -0.9 });
    expect(Object.hasOwn(data.wording, "__proto__")).toBe(true);
  });

  it("gives the browser the same index without quotes, hints, stored term sets and spelling words", () => {
    const full = buildSearchIndex(graphs.several);
    const small = forBrowser(full);
    expect(full.spelling?.length).toBeGreaterThan(0);
    expect(full.spelling).toEqual([...(full.spelling ?? [])].sort());
    expect("spelling" in small).toBe(false);
    expect(small.docs.map((d) => d.summary)).toEqual([[], []]);
    expect(small.docs.every((d) => !("names" in d) && d.causes.every((c) => !("terms" in c)))).toBe(true);
    expect(small.docs[1]?.causes.map((c) => c.id)).toEqual(["one", "two"]);
    expect(small.neighbours.map((n) => [n.id, n.hint, n.signatures.length])).toEqual([["far-away", "", 2]]);
    expect({ ...small, docs: [], neighbours: [] }).toEqual({ ...full, docs: [], neighbours: [], spelling: undefined });
  });
});
