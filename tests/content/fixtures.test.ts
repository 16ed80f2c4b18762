import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { exportBlocks, exportEntry } from "@/content/export";
import { formatCoverage, formatMessages, toJsonMessages } from "@/content/report";
import type { Flow } from "@/content/schema";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * Each folder in tests/fixtures is one case, written into a content tree with the real taxonomy:
 *
 * - `input.md`: an entry, written as `entries/test/<case>.md` (so its id is the case name);
 * - `flow.md`: a flow, written as `wizards/<case>.md`;
 * - `extra/**`: more entries, under `entries/extra/`; `wizards/**`: more flows;
 * - `upstream.yml`: replaces the real upstream list (then its messages count too);
 * - `neighbours.yml`: a list of neighbouring problems (the tree has none otherwise).
 *
 * Expectations: `expected.json` (the exported entry or flow) when the case is valid, or
 * `messages.txt` (every message of the case's files as `content:check` prints them) and
 * `messages.json` (the same as `content:check --format json`); `coverage.txt`, when the case has
 * its own upstream list and no errors: the coverage table. `UPDATE=1` rewrites the expectations.
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

async function expectFile(file: string, actual: string) {
  if (update) await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, "utf8"));
}

function exportFlow(flow: Flow) {
  return { ...flow, steps: flow.steps.map((step) => ({ ...step, body: step.body ? exportBlocks(step.body) : null })) };
}

describe.each(cases)("fixture %s", (name) => {
  it("produces the expected entry or messages", async () => {
    const dir = path.join(FIXTURES, name);
    const tree = await tempContent();
    trees.push(tree);
    // Where each file of the case lands in the tree, and the name it has in the expectations.
    const names = new Map<string, string>();
    const put = async (from: string, to: string, label: string) => {
      const target = path.join(tree.dir, to);
      await tree.writeRoot(to, await readFile(path.join(dir, from)));
      names.set(target, label);
    };
    if (existsSync(path.join(dir, "input.md"))) await put("input.md", `entries/test/${name}.md`, "input.md");
    if (existsSync(path.join(dir, "flow.md"))) await put("flow.md", `wizards/${name}.md`, "flow.md");
    for (const extra of await listFiles(path.join(dir, "extra"))) await put(path.join("extra", extra), path.join("entries/extra", extra), `extra/${extra}`);
    for (const flow of await listFiles(path.join(dir, "wizards"))) await put(path.join("wizards", flow), path.join("wizards", flow), `wizards/${flow}`);
    if (existsSync(path.join(dir, "neighbours.yml"))) await put("neighbours.yml", "neighbours.yml", "neighbours.yml");
    const ownUpstream = existsSync(path.join(dir, "upstream.yml"));
    if (ownUpstream) await put("upstream.yml", "upstream.yml", "upstream.yml");

    const result = await buildContent(tree.dir);
    const own = result.files.filter((f) => names.has(f.path));
    const rename = (text: string) => {
      let out = text;
      for (const [file, label] of names) out = out.replaceAll(path.relative(tree.dir, file), label);
      return out;
    };
    const messages = rename(formatMessages(own, tree.dir).join("\n"));

    if (existsSync(path.join(dir, "expected.json")) || (update && messages === "" && !ownUpstream)) {
      expect(messages, "a valid fixture has no messages").toBe("");
      const entry = result.entries.find((e) => e.id === name);
      const flow = result.flows.find((f) => f.id === name);
      const built = entry ? exportEntry(entry) : flow ? exportFlow(flow) : null;
      expect(built).not.toBeNull();
      await expectFile(path.join(dir, "expected.json"), JSON.stringify(built, null, 2) + "\n");
    } else if (existsSync(path.join(dir, "messages.txt")) || (update && messages !== "")) {
      expect(messages).not.toBe("");
      await expectFile(path.join(dir, "messages.txt"), messages + "\n");
      await expectFile(path.join(dir, "messages.json"), rename(JSON.stringify(toJsonMessages(own, tree.dir), null, 2)) + "\n");
    } else {
      expect(messages, "a case without expected.json or messages.txt has no messages").toBe("");
      expect(ownUpstream, "…and is about coverage").toBe(true);
    }
    if (ownUpstream && result.graph) await expectFile(path.join(dir, "coverage.txt"), formatCoverage(result.graph).join("\n") + "\n");
    if (ownUpstream && !result.graph) expect(existsSync(path.join(dir, "coverage.txt")), "coverage.txt needs content without errors").toBe(false);
  });
});
