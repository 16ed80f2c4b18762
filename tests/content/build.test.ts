import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { getArea, getSystem, upstreamSources } from "@/content/graph";
import { formatMessages } from "@/content/report";
import { BlocksSchema } from "@/content/schema";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * `buildContent` across files: what a broken list file or a failed entry does to the others, the
 * counts it returns, and the front-matter checks that only a whole build runs (signature text).
 */
const UPSTREAM = "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\n  - { prefix: S001, slug: wechat-api-guide, title: WeChat API 故障排查指南 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n  - { id: S001-1, summary: 证书 }\n";
const entry = (id: string | null, fields: Record<string, string>, body = "## 回答\n\n可以。\n") => {
  const fm = { ...(id === null ? {} : { id }), kind: "question", title: "标题", summary: "摘要。", system: "general", area: "docker", upstream: "[S000-8]", updated: "2026-11-21", ...fields };
  return `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${body}`;
};
const problem = (id: string, signatures: string) =>
  entry(id, { kind: "problem", signatures }, "## 原因：x {#x}\n\n### 检查\n\n是吗？\n\n### 解决\n\n改。\n");

let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
  await writeFile(path.join(tree.dir, "upstream.yml"), UPSTREAM);
});
afterEach(async () => tree.remove());

const linesOf = async (prefix: string) => formatMessages((await buildContent(tree.dir)).files, tree.dir).filter((l) => l.startsWith(prefix));

describe("a broken list file", () => {
  it("stops the build of the graph, not the reading of the other files", async () => {
    await writeFile(path.join(tree.dir, "upstream.yml"), UPSTREAM.replace(/problems:[^]*$/, "problems: 3\n"));
    await tree.write("docker/q.md", entry("q", {}));
    const result = await buildContent(tree.dir);
    expect(result.graph).toBeNull();
    expect(result.entries).toEqual([]);
    expect(formatMessages(result.files, tree.dir).filter((l) => l.startsWith("upstream.yml"))[0]).toMatch(/^upstream\.yml:4:1 {2}error {2}Invalid `problems`.*\[field-invalid\]$/);
  });

  it("is reported once: an empty file is not also read as YAML", async () => {
    await writeFile(path.join(tree.dir, "taxonomy.yml"), "");
    await tree.write("docker/q.md", entry("q", {}));
    const lines = (await linesOf("taxonomy.yml")).filter((l) => !l.startsWith("    "));
    expect(lines).toEqual(["taxonomy.yml:1:1  error  File is empty  [file-empty]"]);
  });

  it("names the allowed top-level fields of each list file", async () => {
    await writeFile(path.join(tree.dir, "upstream.yml"), UPSTREAM + "extra: 1\n");
    const taxonomy = await readTaxonomy();
    await writeFile(path.join(tree.dir, "taxonomy.yml"), taxonomy + "colour: red\n");
    const lines = formatMessages((await buildContent(tree.dir)).files, tree.dir);
    expect(lines).toContain("    hint: Allowed fields: `areas`, `systems`");
    expect(lines).toContain("    hint: Allowed fields: `documents`, `problems`");
  });
});

async function readTaxonomy(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(path.join(tree.dir, "taxonomy.yml"), "utf8");
}

describe("an entry that fails on its own", () => {
  it("keeps its id (from the file name when it has none) and its upstream ids claimed", async () => {
    await tree.write("docker/nameless.md", entry(null, { upstream: "[S001-1]" }));
    await tree.write("docker/linker.md", entry("linker", { related: "[nameless]" }, "## 回答\n\n见 [它](/entry/nameless)。\n"));
    const lines = formatMessages((await buildContent(tree.dir)).files, tree.dir).filter((l) => !l.startsWith("    "));
    expect(lines.filter((l) => l.startsWith("entries/docker/linker.md"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("upstream.yml"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("entries/docker/nameless.md"))).toEqual([expect.stringMatching(/\[field-missing\]$/)]);
  });
});

describe("reading the entries folder", () => {
  it("takes only Markdown files, and reads one saved with a byte order mark", async () => {
    await tree.write("docker/notes.txt", "not an entry");
    await tree.write("docker/q.md", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(entry("q", { upstream: "[S000-8, S001-1]" }))]));
    const result = await buildContent(tree.dir);
    expect(formatMessages(result.files, tree.dir)).toEqual([]);
    expect(result.files.map((f) => path.relative(tree.dir, f.path))).toEqual(["taxonomy.yml", "upstream.yml", "entries/docker/q.md"]);
    expect(result.entries.map((e) => e.id)).toEqual(["q"]);
  });
});

describe("the counts", () => {
  it("tell errors from warnings", async () => {
    await tree.write("docker/warned.md", entry("warned", { upstream: "[S000-8, S001-1]" }, "## 回答\n\n可以。<br>\n"));
    await tree.write("docker/failed.md", entry("failed", { updated: "yesterday" }));
    const result = await buildContent(tree.dir);
    const all = result.files.flatMap((f) => f.messages);
    expect(all.map((m) => m.ruleId).sort()).toEqual(["field-invalid", "html-raw"]);
    expect([result.errors, result.warnings]).toEqual([1, 1]);
  });
});

describe("signature text", () => {
  it("needs three letters or digits, a Chinese character counting as two, besides placeholders and punctuation", async () => {
    await tree.write("docker/p.md", problem("p", "[连接后端被拒]"));
    await tree.write("docker/q.md", problem("q", "[\"{host}: a.b\"]"));
    await tree.write("docker/r.md", problem("r", "[连接]"));
    const result = await buildContent(tree.dir);
    const lines = formatMessages(result.files, tree.dir).filter((l) => !l.startsWith("    "));
    expect(lines.filter((l) => l.startsWith("entries/docker/p.md"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("entries/docker/q.md"))).toEqual([expect.stringMatching(/^entries\/docker\/q\.md:10:\d+ {2}error .*at least three letters or digits.*\[field-invalid\]$/)]);
    // Two Chinese characters are enough for the schema (the content rules then call them a single word).
    expect(lines.filter((l) => l.startsWith("entries/docker/r.md") && l.includes("[field-invalid]"))).toEqual([]);
  });

  it("names an unknown placeholder and the known ones", async () => {
    await tree.write("docker/p.md", problem("p", "[\"{hots}: Backend refused login\"]"));
    const lines = await linesOf("entries/docker/p.md");
    expect(lines[0]).toMatch(/unknown placeholder `\{hots\}`; use one of \{host\}, \{name\}, .*\[field-invalid\]$/);
  });

  it("is kept without the spaces around it", async () => {
    await tree.write("docker/p.md", problem("p", "[\"  Backend refused login  \"]"));
    const { entries } = await buildContent(tree.dir);
    expect(entries.find((e) => e.id === "p")?.signatures).toEqual(["Backend refused login"]);
  });
});

describe("the graph's lookups", () => {
  it("find any area and system by slug, and list only the documents an entry came from", async () => {
    await tree.write("docker/q.md", entry("q", { upstream: "[S000-8, S001-1]" }));
    await tree.write("docker/only.md", entry("only", { upstream: "[S001-1]", system: "codo", area: "email" }));
    const { graph } = await buildContent(tree.dir);
    if (!graph) throw new Error("expected a graph");
    expect(getSystem(graph, "codo")?.slug).toBe("codo");
    expect(getArea(graph, "email")?.slug).toBe("email");
    expect(getSystem(graph, "nope")).toBeUndefined();
    expect(upstreamSources(graph, graph.byId.get("only")!)).toEqual([{ title: "WeChat API 故障排查指南", slug: "wechat-api-guide", url: null, ids: ["S001-1"] }]);
  });
});

describe("the body structure", () => {
  it("accepts only mdast nodes as blocks", () => {
    expect(BlocksSchema.safeParse({ nodes: [{ type: "paragraph", children: [] }], text: "" }).success).toBe(true);
    for (const node of [null, "text", {}, { type: 1 }]) expect(BlocksSchema.safeParse({ nodes: [node], text: "" }).success).toBe(false);
  });
});
