import { execFile, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { toJsonReport } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/content-check.ts");
const FIXTURES = path.join(ROOT, "tests/fixtures");
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", SCRIPT, ...args], { cwd: ROOT }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let tree: TempContent;
beforeAll(async () => {
  tree = await tempContent();
  for (const name of ["heading-misspelt", "cause-id-duplicate", "valid-problem"]) {
    await tree.write(`test/${name}.md`, await readFile(path.join(FIXTURES, name, "input.md")));
  }
});
afterAll(async () => tree.remove());

describe("npm run content:check", () => {
  it("--format json prints the report that editors and CI read, and exits 1 on errors", async () => {
    const { code, stdout } = await run([tree.dir, "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as ReturnType<typeof toJsonReport>;
    expect(report).toEqual(JSON.parse(JSON.stringify(toJsonReport(await buildContent(tree.dir), ROOT))));
    const own = report.messages.filter((m) => m.file.includes("/entries/"));
    expect(own.map((m) => `${path.basename(m.file)}:${m.line}:${m.column} ${m.rule}`)).toEqual([
      "cause-id-duplicate.md:29:1 cause-id-duplicate",
      "heading-misspelt.md:29:1 section-unknown",
    ]);
    expect(own[0]).toMatchObject({ severity: "error", endLine: 29, endColumn: 28, firstDefined: { line: 15, column: 1, endLine: 15, endColumn: 28 } });
    expect(own.every((m) => m.hint)).toBe(true);
    expect(report.coverage).toBeNull();
  });

  it("prints compiler-style text by default", async () => {
    const { code, stdout } = await run([tree.dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/entries\/test\/heading-misspelt\.md:29:1 {2}error {2}Unexpected heading `## 原由：容器没有运行`.* {2}\[section-unknown\]\n {4}hint: /);
    expect(stdout).toMatch(/first defined at .*cause-id-duplicate\.md:15:1-15:28/);
  });

  it("refuses an unknown format or option with the usage", async () => {
    for (const args of [["--format", "xml"], ["--nope"], ["a", "b"]]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain("usage: npm run content:check");
    }
  });

  it("--watch checks again after a save", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, tree.dir, "--watch"], { cwd: ROOT });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const waitFor = async (text: string, from = 0) => {
      while (!out.slice(from).includes(text)) {
        if (child.exitCode !== null) throw new Error(`exited: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await waitFor("Watching for changes");
      const seen = out.length;
      const file = path.join(tree.dir, "entries/test/valid-problem.md");
      await writeFile(file, (await readFile(file, "utf8")).replace("### 检查", "### 检察"));
      await waitFor("valid-problem.md:", seen);
      await waitFor("errors,", seen);
      expect(out.slice(seen)).toMatch(/valid-problem\.md:\d+:1 {2}error {2}Unexpected heading `### 检察`/);
    } finally {
      child.kill();
    }
  });
});
