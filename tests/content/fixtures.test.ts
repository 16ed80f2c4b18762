import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { exportEntry } from "@/content/export";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * Each folder in tests/fixtures is one case: `input.md` (written as `entries/test/<case>.md`, so
 * its id is the case name), optional `extra/**` files written beside it, and either
 * `expected.json` (the exported entry) or `messages.txt` (every message the fixture's files get,
 * with `input.md` standing for the entry's path). `UPDATE=1` rewrites the expectations.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const update = process.env.UPDATE === "1";
const trees: TempContent[] = [];
afterAll(async () => Promise.all(trees.map((t) => t.remove())));

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

const cases = (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);

describe.each(cases)("fixture %s", (name) => {
  it("produces the expected entry or messages", async () => {
    const dir = path.join(FIXTURES, name);
    const tree = await tempContent();
    trees.push(tree);
    const input = await tree.write(`test/${name}.md`, await readFile(path.join(dir, "input.md")));
    for (const extra of await listFiles(path.join(dir, "extra"))) {
      await tree.write(path.join("extra", extra), await readFile(path.join(dir, "extra", extra)));
    }
    const result = await buildContent(tree.dir);
    const own = result.files.filter((f) => f.path.startsWith(path.join(tree.dir, "entries")));
    const messages = formatMessages(own, tree.dir)
      .map((line) => line.replaceAll(path.relative(tree.dir, input), "input.md").replaceAll("entries/extra/", "extra/"))
      .join("\n");

    const expectedJson = path.join(dir, "expected.json");
    const messagesTxt = path.join(dir, "messages.txt");
    if (existsSync(expectedJson) || (update && messages === "")) {
      expect(messages, "a valid fixture has no messages").toBe("");
      const entry = result.entries.find((e) => e.id === name);
      expect(entry).toBeDefined();
      const built = entry ? exportEntry(entry) : null;
      if (update) await writeFile(expectedJson, JSON.stringify(built, null, 2) + "\n");
      expect(built).toEqual(JSON.parse(await readFile(expectedJson, "utf8")));
    } else {
      if (update) await writeFile(messagesTxt, messages + "\n");
      expect(messages).not.toBe("");
      expect(messages + "\n").toBe(await readFile(messagesTxt, "utf8"));
    }
  });
});
