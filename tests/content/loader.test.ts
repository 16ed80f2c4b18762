import { rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildContent, perGraph } from "@/content";
import { changedFiles, fingerprint } from "@/content/fingerprint";
import { graphLoader } from "@/content/loader";
import { tempContent, type TempContent } from "../helpers/content-tree";

const entry = (title: string) =>
  `---\nid: reload-me\nkind: question\ntitle: ${title}\nsummary: 摘要。\nsystem: general\narea: docker\nupstream: [S000-8]\nupdated: 2026-11-21\n---\n\n## 回答\n\n可以。\n`;

let tree: TempContent;
let file: string;
beforeEach(async () => {
  tree = await tempContent();
  file = await tree.write("docker/reload-me.md", entry("第一版标题"));
  // Only the problem this entry covers, so that the tree has no uncovered upstream problem.
  await writeFile(path.join(tree.dir, "upstream.yml"), "documents:\n  - { prefix: S000, slug: gptlink-faq, title: gptlink 常见问题 }\nproblems:\n  - { id: S000-8, summary: 服务器错误 }\n");
});
afterEach(async () => tree.remove());

/** Writes and moves the modification time forward, as an editor's save a moment later would. */
async function save(target: string, text: string, secondsLater: number) {
  await writeFile(target, text);
  const at = new Date(Date.now() + secondsLater * 1000);
  await utimes(target, at, at);
}

const titleIn = async (load: () => Promise<{ byId: ReadonlyMap<string, { title: string }> }>) => (await load()).byId.get("reload-me")?.title;

describe("the app's graph loader", () => {
  it("under npm run dev, shows an edit on the next call and says which file changed", async () => {
    const log = vi.fn();
    const load = graphLoader(buildContent, tree.dir, { fresh: true, log });
    expect(await titleIn(load)).toBe("第一版标题");
    const first = await load();
    expect(await load()).toBe(first);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[1]).toBeNull();

    await save(file, entry("第二版标题"), 5);
    expect(await titleIn(load)).toBe("第二版标题");
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[1]?.[1]).toEqual(["entries/docker/reload-me.md"]);
  });

  it("under npm run dev, fails with the content:check report while a file is broken, and recovers after the fix", async () => {
    const load = graphLoader(buildContent, tree.dir, { fresh: true });
    await load();
    await save(file, entry("第一版标题").replace("## 回答", "## 回达"), 5);
    await expect(load()).rejects.toThrow(/reload-me\.md:12:1 {2}error {2}Unexpected heading `## 回达`.*\[section-unknown\]/);
    await save(file, entry("修好了"), 10);
    expect(await titleIn(load)).toBe("修好了");
  });

  it("sees added and removed files", async () => {
    const load = graphLoader(buildContent, tree.dir, { fresh: true });
    expect((await load()).entries).toHaveLength(1);
    await tree.write("docker/second.md", entry("另一个").replace("id: reload-me", "id: second"));
    expect((await load()).entries).toHaveLength(2);
    await rm(file);
    expect((await load()).entries.map((e) => e.id)).toEqual(["second"]);
  });

  it("in production, builds once and never looks again", async () => {
    const build = vi.fn(buildContent);
    const load = graphLoader(build, tree.dir, { fresh: false });
    expect(await titleIn(load)).toBe("第一版标题");
    await save(file, entry("第二版标题"), 5);
    expect(await titleIn(load)).toBe("第一版标题");
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("derives values once per graph", async () => {
    const load = graphLoader(buildContent, tree.dir, { fresh: true });
    const derive = vi.fn((graph: { entries: readonly unknown[] }) => graph.entries.length);
    const count = perGraph(derive);
    count(await load());
    count(await load());
    expect(derive).toHaveBeenCalledTimes(1);
    await save(file, entry("第二版标题"), 5);
    count(await load());
    expect(derive).toHaveBeenCalledTimes(2);
  });
});

describe("content fingerprints", () => {
  it("list added, removed and changed files", async () => {
    const before = await fingerprint(tree.dir);
    await save(file, entry("改"), 5);
    const other = await tree.write("docker/other.md", "x");
    await rm(path.join(tree.dir, "upstream.yml"));
    expect(changedFiles(before, await fingerprint(tree.dir))).toEqual([
      "entries/docker/other.md",
      "entries/docker/reload-me.md",
      "upstream.yml",
    ]);
    expect(other).toContain("other.md");
  });

  it("of a missing directory is empty", async () => {
    expect((await fingerprint(path.join(tree.dir, "nope"))).size).toBe(0);
  });
});
