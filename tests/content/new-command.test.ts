import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

const ROOT = path.resolve(import.meta.dirname, "../..");

let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
});
afterEach(async () => tree.remove());

describe("npm run new: the command", () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/new-entry.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: tree.dir },
    }).then(
      (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("writes the entry under CONTENT_DIR, then refuses the same id and an unknown area", async () => {
    const first = await run(["guide", "wecom", "wecom-new-guide"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("entries/wecom/wecom-new-guide.md (guide)");
    const written = path.join(tree.dir, "entries/wecom/wecom-new-guide.md");
    expect(await readFile(written, "utf8")).toContain("kind: guide");
    const built = await buildContent(tree.dir);
    expect(formatMessages(built.files.filter((f) => f.path === written), tree.dir)).toEqual([]);

    const again = await run(["problem", "docker", "wecom-new-guide"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The id `wecom-new-guide` is taken by");
    const area = await run(["problem", "nowhere", "other-id"]);
    expect(area.code).toBe(1);
    expect(area.stderr).toContain("Unknown area `nowhere`");
    const missing = await run(["problem", "docker"]);
    expect(missing.stderr).toContain("usage: npm run new");
  });
});
