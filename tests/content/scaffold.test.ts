import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { formatMessages } from "@/content/report";
import { scaffoldEntry, type ScaffoldContext } from "@/content/scaffold";
import { ENTRY_KINDS } from "@/content/schema";
import { tempContent, type TempContent } from "../helpers/content-tree";

const ROOT = path.resolve(import.meta.dirname, "../..");
const real = await buildContent(path.join(ROOT, "content"));
if (!real.graph) throw new Error("content has errors");
const context: ScaffoldContext = {
  taxonomy: real.graph.taxonomy,
  upstreamIds: real.graph.upstream.problems.map((p) => p.id),
  taken: new Map(real.entries.map((e) => [e.id, `content/${e.source.path}`])),
  entries: real.entries,
};

let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
});
afterEach(async () => tree.remove());

describe("npm run new: the templates", () => {
  it.each(ENTRY_KINDS)("a new %s passes content:check as written", async (kind) => {
    const result = scaffoldEntry({ kind, area: "docker", id: `new-${kind}`, today: "2026-11-22" }, context);
    if (!result.ok) throw new Error(result.message);
    expect(result.path).toBe(`entries/docker/new-${kind}.md`);
    await tree.writeRoot(result.path, result.text);
    const built = await buildContent(tree.dir);
    const own = built.files.filter((f) => f.path.endsWith(`new-${kind}.md`));
    expect(formatMessages(own, tree.dir)).toEqual([]);
    expect(built.entries.map((e) => [e.id, e.kind])).toEqual([[`new-${kind}`, kind]]);
  });

  it("keeps a title that YAML would misread, and takes the options given", async () => {
    const title = "容器日志写满磁盘: No space left on device # 真的";
    const result = scaffoldEntry({ kind: "problem", area: "email", id: "smtp-x", title, system: "general", upstream: ["S000-8", "S000-9"], today: "2026-11-22" }, context);
    if (!result.ok) throw new Error(result.message);
    expect(result.notes).toEqual([]);
    await tree.writeRoot(result.path, result.text);
    const entry = (await buildContent(tree.dir)).entries[0];
    expect(entry).toMatchObject({ title, system: "general", area: "email", upstream: ["S000-8", "S000-9"], updated: "2026-11-22" });
  });

  it("says where the guessed system and upstream id came from", () => {
    const result = scaffoldEntry({ kind: "question", area: "docker", id: "x-y", today: "2026-11-22" }, context);
    expect(result.ok && result.notes.join("\n")).toMatch(/system is `[a-z-]+`, the most common in docker[\s\S]*upstream is `S\d{3}-\d+`, a placeholder/);
  });

  it.each([
    [{ kind: "faq" }, "Unknown kind `faq`: expected one of `problem`, `question`, `guide`"],
    [{ area: "dockr" }, "Unknown area `dockr`. Known areas (content/taxonomy.yml): `wechat-login`"],
    [{ id: "Bad_Id" }, "Invalid id `Bad_Id`"],
    [{ id: "gptlink-docker-server-error" }, "The id `gptlink-docker-server-error` is taken by content/entries/docker/gptlink-docker-server-error.md"],
    [{ system: "nope" }, "Unknown system `nope`"],
    [{ upstream: ["S999-1"] }, "Unknown upstream problem `S999-1`"],
  ])("refuses %o with a clear message", (change, message) => {
    const result = scaffoldEntry({ kind: "problem", area: "docker", id: "fine-id", today: "2026-11-22", ...change }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
