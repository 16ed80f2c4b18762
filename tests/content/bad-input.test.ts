import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { decodeInto, MAX_FILE_BYTES } from "@/content/load";
import { parseEntry } from "@/content/parse";
import { validateEntry } from "@/content/validate";
import { VFile } from "vfile";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

let tree: TempContent;
beforeAll(async () => {
  tree = await tempContent();
});
afterAll(async () => tree.remove());

const ownMessages = async () => {
  const result = await buildContent(tree.dir);
  return formatMessages(
    result.files.filter((f) => f.path.includes("/entries/")),
    tree.dir,
  );
};

describe("content that is not a sensible entry", () => {
  it("refuses a 1 MB file with its size, before parsing it", async () => {
    const big = "---\nid: big\n---\n" + "填充".repeat(1024 * 1024 / 3);
    const file = await tree.write("big/big.md", big);
    const messages = await ownMessages();
    expect(messages).toEqual([
      `entries/big/big.md:1:1  error  File is too large (${Buffer.byteLength(big)} bytes); the limit is ${MAX_FILE_BYTES} bytes  [file-too-large]`,
      "    hint: Split it into several entries",
    ]);
    await import("node:fs/promises").then((fs) => fs.rm(file));
  });

  it("never throws on random Markdown, whatever it reports", { timeout: 120_000 }, async () => {
    const lists = await buildContent(tree.dir);
    expect(lists.entries).toEqual([]);
    const context = {
      taxonomy: { areas: [{ slug: "docker", label: "Docker 部署", description: "" }], systems: [{ slug: "general", label: "通用", description: "", diagnostics: [] }] },
      upstreamIds: new Set(["S000-1"]),
      contentDir: "/content",
    };
    const frontmatter = fc.record({
      kind: fc.constantFrom("problem", "question", "guide", "faq", ""),
      title: fc.string(),
      extra: fc.string(),
    });
    const block = fc.oneof(
      fc.constantFrom("## 原因：x {#a}", "## 原因：", "### 检查", "### 解决", "### 特征", "## 回答", "## 说明", "# h1", "- [ ] task", "```bash\nls\n```", "[x](/entry/%E0%A4%A)", "{#", "---"),
      fc.string(),
      fc.string({ unit: "grapheme" }),
    );
    await fc.assert(
      fc.property(frontmatter, fc.array(block, { maxLength: 25 }), fc.boolean(), (fm, blocks, withFm) => {
        const head = withFm ? `---\nid: fuzz\nkind: ${fm.kind}\ntitle: ${fm.title}\n${fm.extra}\n---\n` : "";
        const file = new VFile({ path: "/content/entries/fuzz/fuzz.md" });
        decodeInto(file, new TextEncoder().encode(head + blocks.join("\n\n")));
        parseEntry(file);
        validateEntry(file, context);
        expect(file.messages.filter((m) => m.ruleId === "internal-error")).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
