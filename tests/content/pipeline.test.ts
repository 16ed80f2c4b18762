import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { buildContent } from "@/content";
import { exportGraph } from "@/content/export";
import { coverage, createGraph, entriesIn, getArea, getEntry, getSystem, upstreamSources } from "@/content/graph";
import { formatPath } from "@/content/issues";
import { decodeInto, MAX_FILE_BYTES } from "@/content/load";
import { formatCoverage, formatMessages, formatSummary } from "@/content/report";
import { sectionKind } from "@/content/sections";
import { readYamlMapping } from "@/content/yaml-source";
import { tempContent, type TempContent } from "../helpers/content-tree";

/** Small, exact checks of the pipeline's stages: places, limits, orders and wording. */
const UPSTREAM = "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\n  - { prefix: S001, slug: wechat-api-guide, title: WeChat API 故障排查指南 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n  - { id: S001-1, summary: 证书 }\n";
const entry = (id: string, fields: Record<string, string>, body = "## 回答\n\n可以。\n") => {
  const fm = { id, kind: "question", title: "标题", summary: "摘要。", system: "general", area: "docker", upstream: "[S000-8]", updated: "2026-11-21", ...fields };
  return `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${body}`;
};

let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
  await writeFile(path.join(tree.dir, "upstream.yml"), UPSTREAM);
});
afterEach(async () => tree.remove());

const messagesOf = async () => formatMessages((await buildContent(tree.dir)).files, tree.dir);

describe("loading", () => {
  it("takes a file of exactly the size limit and refuses one byte more", () => {
    const head = "---\nid: x\n---\n";
    const at = new VFile({ path: "/c/entries/x.md" });
    decodeInto(at, new TextEncoder().encode(head + "a".repeat(MAX_FILE_BYTES - head.length)));
    expect(at.messages).toEqual([]);
    const over = new VFile({ path: "/c/entries/x.md" });
    decodeInto(over, new TextEncoder().encode(head + "a".repeat(MAX_FILE_BYTES - head.length + 1)));
    expect(over.messages.map((m) => m.ruleId)).toEqual(["file-too-large"]);
  });

  it("reports a file that is only white space as empty, and where bad UTF-8 starts", () => {
    const blank = new VFile({ path: "/c/x.md" });
    decodeInto(blank, new TextEncoder().encode(" \n\t\n"));
    expect(blank.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["file-empty", 1, 1]]);
    const bad = new VFile({ path: "/c/x.md" });
    decodeInto(bad, Uint8Array.from([...new TextEncoder().encode("ab\ncd"), 0xff]));
    expect(bad.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["file-not-utf8", 2, 3]]);
  });

  it("reports an entry path it cannot read, and missing list files, without stopping", async () => {
    await mkdir(path.join(tree.dir, "entries/docker/folder.md"), { recursive: true });
    await writeFile(path.join(tree.dir, "taxonomy.yml"), "");
    const result = await buildContent(tree.dir);
    const lines = formatMessages(result.files, tree.dir);
    expect(lines).toContain("taxonomy.yml:1:1  error  File is empty  [file-empty]");
    expect(lines.some((l) => /^entries\/docker\/folder\.md:1:1 {2}error {2}Cannot read file \(EISDIR\) {2}\[file-unreadable\]$/.test(l))).toBe(true);
    expect(result.graph).toBeNull();
  });

  it("reads wizards/ and entries/ as absent when the folders are missing", async () => {
    const result = await buildContent(tree.dir);
    expect(result.entries).toEqual([]);
    expect(result.flows).toEqual([]);
    expect(result.files.map((f) => path.basename(f.path))).toEqual(["taxonomy.yml", "upstream.yml"]);
  });
});

describe("the list files", () => {
  it("point a schema error of taxonomy.yml at its key", async () => {
    await writeFile(path.join(tree.dir, "taxonomy.yml"), "areas:\n  - slug: docker\n    label: Docker\n    colour: blue\nsystems:\n  - slug: general\n");
    const lines = await messagesOf();
    expect(lines).toContain("taxonomy.yml:4:5  error  Unknown field `areas[0].colour`  [field-unknown]");
    expect(lines).toContain("    hint: Check its spelling; content/README.md describes every field");
    expect(lines).toContain("taxonomy.yml:6:5  error  Missing required field `systems[0].label`  [field-missing]");
  });
});

describe("YAML places", () => {
  const file = () => new VFile({ path: "/c/x.md" });
  it("maps keys and list items back to their line and column, with ranges", () => {
    const yaml = readYamlMapping("id: x\nsignatures:\n  - one\n  - 'two: three'\nnested:\n  key: v\n", 1, file());
    expect(yaml?.placeOf(["id"])).toEqual({ line: 2, column: 1 });
    expect(yaml?.placeOf(["signatures", 1])).toEqual({ line: 5, column: 5 });
    expect(yaml?.rangeOf(["signatures", 1])).toEqual({ start: { line: 5, column: 5 }, end: { line: 5, column: 17 } });
    expect(yaml?.rangeOf(["id"])).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 6 } });
    expect(yaml?.placeOf(["nested", "key"])).toEqual({ line: 7, column: 8 });
    expect(yaml?.rangeOf(["nested", "key"])).toEqual({ start: { line: 7, column: 3 }, end: { line: 7, column: 9 } });
    expect(yaml?.placeOf(["missing"])).toEqual({ line: 1, column: 1 });
    expect(yaml?.rangeOf([])).toEqual({ start: { line: 1, column: 1 }, end: { line: 8, column: 1 } });
  });

  it("refuses a list, an alias bomb and bad syntax with their places", () => {
    const list = file();
    expect(readYamlMapping("- a\n- b\n", 3, list)).toBeNull();
    expect(list.messages.map((m) => [m.ruleId, m.line])).toEqual([["frontmatter-not-mapping", 3]]);
    const bomb = file();
    const lol = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    expect(readYamlMapping(lol, 1, bomb)).toBeNull();
    expect(bomb.messages.map((m) => m.ruleId)).toEqual(["yaml-invalid"]);
    const syntax = file();
    expect(readYamlMapping("id: x\ntitle: [unclosed\n", 1, syntax)).toBeNull();
    expect(syntax.messages[0]?.ruleId).toBe("yaml-invalid");
    expect(syntax.messages[0]?.reason).not.toMatch(/at line \d+/);
  });

  it("writes zod paths the way authors read them", () => {
    expect(formatPath(["signatures", 0])).toBe("signatures[0]");
    expect(formatPath(["areas", 2, "label"])).toBe("areas[2].label");
    expect(formatPath([])).toBe("");
  });
});

describe("section keywords", () => {
  it("accept the Chinese keyword and the English alias, with either colon, and nothing else", () => {
    expect(sectionKind("原因：端口 ", 2)).toEqual({ name: "cause", rest: "端口" });
    expect(sectionKind("Cause: port", 2)).toEqual({ name: "cause", rest: "port" });
    expect(sectionKind("NOTES", 2)?.name).toBe("notes");
    expect(sectionKind("回答", 2)?.name).toBe("answer");
    expect(sectionKind("检查", 2)).toBeNull();
    expect(sectionKind("Fix", 3)?.name).toBe("fix");
    expect(sectionKind("特征", 3)?.name).toBe("signatures");
    expect(sectionKind("原因", 2)).toBeNull();
    expect(sectionKind("检查一下", 3)).toBeNull();
  });
});

describe("cross-file checks", () => {
  it("treat signatures that differ only in width, case and spacing as the same claim", async () => {
    await tree.write("docker/first.md", entry("first", { signatures: "[Backend  Gateway Refused Login]" }));
    await tree.write("docker/second.md", entry("second", { signatures: "[ｂａｃｋｅｎｄ gateway refused login]" }));
    const lines = await messagesOf();
    expect(lines).toContain("entries/docker/second.md:10:14  warning  Signature `ｂａｃｋｅｎｄ gateway refused login` is also claimed by `first`  [signature-duplicate]");
    expect(lines).toContain("    first defined at entries/docker/first.md:10:14-10:44");
  });

  it("do not report a link to an entry that failed on its own as unknown", async () => {
    await tree.write("docker/broken.md", entry("broken", { kind: "faq" }));
    await tree.write("docker/linker.md", entry("linker", { related: "[broken, nobody]" }, "## 回答\n\n见 [broken](/entry/broken)。\n"));
    const lines = (await messagesOf()).filter((l) => l.startsWith("entries/docker/linker.md"));
    expect(lines).toEqual(["entries/docker/linker.md:10:19  error  `related` names an unknown entry `nobody`  [related-unknown]"]);
  });

  it("report each upstream problem nobody covers at its id, once", async () => {
    await tree.write("docker/only.md", entry("only", {}));
    const lines = (await messagesOf()).filter((l) => l.startsWith("upstream.yml"));
    expect(lines).toEqual(["upstream.yml:6:7  error  Upstream problem `S001-1` is not covered by any entry  [upstream-uncovered]"]);
  });
});

describe("the graph", () => {
  it("orders entries by kind, then title, and answers the routes' questions", async () => {
    await tree.write("docker/q-b.md", entry("q-b", { title: "乙" }));
    await tree.write("docker/q-a.md", entry("q-a", { title: "甲", upstream: "[S000-8, S001-1]" }));
    await tree.write("network/g.md", entry("g", { kind: "guide", area: "network", system: "gptlink", title: "丙" }, "## 步骤\n\n做。\n"));
    await tree.write(
      "network/p.md",
      entry("p", { kind: "problem", area: "network", title: "丁", signatures: "[后端接口返回 502 Bad Gateway]" }, "## 原因：x {#x}\n\n### 检查\n\n是吗？\n\n### 解决\n\n改。\n"),
    );
    const { graph } = await buildContent(tree.dir);
    if (!graph) throw new Error("expected a graph");
    expect(graph.entries.map((e) => e.id)).toEqual(["p", "q-a", "q-b", "g"]);
    expect(getEntry(graph, "q-a")?.title).toBe("甲");
    expect(getEntry(graph, "nope")).toBeUndefined();
    expect(getArea(graph, "network")?.label).toBe("网络与防火墙");
    expect(getSystem(graph, "gptlink")?.label).toBe("GPTLink");
    expect(getArea(graph, "nope")).toBeUndefined();
    expect(entriesIn(graph, "area", "network").map((e) => e.id)).toEqual(["p", "g"]);
    expect(entriesIn(graph, "system", "gptlink").map((e) => e.id)).toEqual(["g"]);
    expect(coverage(graph)).toEqual(new Map([["S000-8", ["p", "q-a", "q-b", "g"]], ["S001-1", ["q-a"]]]));
    expect(upstreamSources(graph, getEntry(graph, "q-a")!)).toEqual([
      { title: "gptlink 常见问题", slug: "gptlink-faq", url: null, ids: ["S000-8"] },
      { title: "WeChat API 故障排查指南", slug: "wechat-api-guide", url: null, ids: ["S001-1"] },
    ]);
    expect(formatCoverage(graph)).toEqual(["Upstream coverage: 2/2", "  S000-8  p, q-a, q-b, g", "  S001-1  q-a"]);
    const exported = exportGraph(graph);
    expect(exported.version).toBe(graph.version);
    expect(exported.entries.map((e) => [e.id, e.url])).toEqual([["p", "/entry/p"], ["q-a", "/entry/q-a"], ["q-b", "/entry/q-b"], ["g", "/entry/g"]]);
    expect(exported.entries[0]).toMatchObject({ causes: [{ id: "x", url: "/entry/p#cause-x", check: { question: "是吗？", details: null }, fix: { markdown: "改。" } }] });
    expect(exported.upstream.problems).toHaveLength(2);
  });

  it("says when an upstream problem is not covered", async () => {
    await tree.write("docker/q.md", entry("q", {}));
    const { entries, files } = await buildContent(tree.dir);
    expect(files.length).toBeGreaterThan(0);
    const graph = createGraph(entries, { areas: [], systems: [] }, { documents: [], problems: [{ id: "S000-8", summary: "x" }, { id: "S009-1", summary: "y" }] }, "v1");
    expect(formatCoverage(graph)).toEqual(["Upstream coverage: 1/2", "  S000-8  q", "  S009-1  — not covered"]);
  });

  it("has a version that changes with any content file and only then", async () => {
    await tree.write("docker/q.md", entry("q", { upstream: "[S000-8, S001-1]" }));
    const version = async () => (await buildContent(tree.dir)).graph?.version;
    const first = await version();
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(await version()).toBe(first);
    await tree.write("docker/q.md", entry("q", { upstream: "[S000-8, S001-1]", title: "新标题" }));
    const second = await version();
    expect(second).not.toBe(first);
    await writeFile(path.join(tree.dir, "upstream.yml"), UPSTREAM + "# 注释\n");
    expect(await version()).not.toBe(second);
  });
});

describe("report wording", () => {
  it("counts in the singular and the plural", () => {
    expect(formatSummary(1, 1, 1)).toBe("1 error, 1 warning in 1 file");
    expect(formatSummary(0, 2, 3)).toBe("0 errors, 2 warnings in 3 files");
  });
});
