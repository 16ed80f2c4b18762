import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { addSignature } from "@/feedback/findable";

const file = (text: string) => ({ path: "content/entries/docker/x.md", text });

describe("make this findable: the front-matter change that adds a signature", () => {
  it("adds a line to a block list, indented like the others, as an exact diff", () => {
    const change = addSignature(file("---\nid: x\nsignatures:\n  - 服务器错误 # the UI text\n  - errcode 40001\nrelated: []\n---\n\nBody.\n"), "connect ECONNREFUSED 10.0.0.5:3306");
    expect(change.ok).toBe(true);
    if (!change.ok) return;
    expect(change.diff).toMatchInlineSnapshot(`
      "--- a/content/entries/docker/x.md
      +++ b/content/entries/docker/x.md
      @@ -3,6 +3,7 @@
       signatures:
         - 服务器错误 # the UI text
         - errcode 40001
      +  - connect ECONNREFUSED 10.0.0.5:3306
       related: []
       ---
       
      "
    `);
  });

  it("quotes what YAML would misread, and keeps one line", () => {
    const change = addSignature(file("---\nid: x\nsignatures:\n    - a\n---\n"), "  SQLSTATE[HY000] [2002]:\n  Connection refused ");
    expect(change.ok && change.text).toBe('---\nid: x\nsignatures:\n    - a\n    - "SQLSTATE[HY000] [2002]: Connection refused"\n---\n');
  });

  it("adds to a flow list, and to an empty one", () => {
    expect(addSignature(file("---\nid: x\nsignatures: [a, b]\n---\n"), "c, d")).toMatchObject({ ok: true, text: '---\nid: x\nsignatures: [a, b, "c, d"]\n---\n' });
    expect(addSignature(file("---\nid: x\nsignatures: []\n---\n"), "c")).toMatchObject({ ok: true, text: '---\nid: x\nsignatures: ["c"]\n---\n' });
  });

  it("starts a list where the guide puts it when there is none", () => {
    expect(addSignature(file("---\nid: x\ntags: [a]\nrelated: [y]\n---\n"), "报错")).toMatchObject({
      ok: true,
      text: "---\nid: x\ntags: [a]\nsignatures:\n  - 报错\nrelated: [y]\n---\n",
    });
    expect(addSignature(file("---\nid: x\n---\n"), "报错")).toMatchObject({ ok: true, text: "---\nid: x\nsignatures:\n  - 报错\n---\n" });
  });

  it("keeps Windows line endings", () => {
    expect(addSignature(file("---\r\nid: x\r\nsignatures:\r\n  - a\r\n---\r\n"), "b")).toMatchObject({ ok: true, text: "---\r\nid: x\r\nsignatures:\r\n  - a\r\n  - b\r\n---\r\n" });
  });

  it("says why when there is nothing to change", () => {
    expect(addSignature(file("---\nid: x\nsignatures:\n  - a\n---\n"), " a ")).toEqual({ ok: false, reason: "already-listed" });
    expect(addSignature(file("no front matter"), "a")).toEqual({ ok: false, reason: "no-frontmatter" });
    expect(addSignature(file("---\nid: [x\n---\n"), "a")).toEqual({ ok: false, reason: "invalid-frontmatter" });
    expect(addSignature(file("---\nid: x\n---\n"), " \n ")).toEqual({ ok: false, reason: "empty-signature" });
    expect(addSignature(file("---\nsignatures: one\n---\n"), "a")).toEqual({ ok: false, reason: "unexpected-shape" });
  });

  it("gives a change to a real entry that the content pipeline accepts", async () => {
    const source = "docker/gptlink-docker-server-error.md";
    const original = await readFile(path.resolve("content/entries", source), "utf8");
    const change = addSignature({ path: `content/entries/${source}`, text: original }, "PDOException: SQLSTATE[HY000] [1045] Access denied");
    expect(change.ok).toBe(true);
    if (!change.ok) return;
    // The whole real tree, with this one file changed: links to other entries must still resolve.
    const dir = await mkdtemp(path.join(tmpdir(), "kb-findable-"));
    try {
      await cp(path.resolve("content"), dir, { recursive: true });
      await writeFile(path.join(dir, "entries", source), change.text);
      const result = await buildContent(dir);
      const entry = result.entries.find((e) => e.id === "gptlink-docker-server-error");
      expect(result.errors).toBe(0);
      expect(entry?.signatures).toContain("PDOException: SQLSTATE[HY000] [1045] Access denied");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
