import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { coverage } from "@/content/graph";
import { formatMessages } from "@/content/report";

const ROOT = path.resolve(import.meta.dirname, "../..");
const result = await buildContent(path.join(ROOT, "content"));

describe("the bundled content", () => {
  it("validates with no errors", () => {
    const errors = formatMessages(result.files, ROOT).filter((line) => line.includes("  error  "));
    expect(errors).toEqual([]);
    expect(result.graph).not.toBeNull();
  });

  it("has authored flows that never ask a question twice on one path", () => {
    const flows = formatMessages(result.files.filter((f) => f.path.includes("/wizards/")), ROOT);
    expect(flows).toEqual([]);
  });

  it("covers every upstream problem with at least one entry", () => {
    const uncovered = [...coverage(result.graph!)].filter(([, ids]) => ids.length === 0).map(([id]) => id);
    expect(uncovered).toEqual([]);
  });

  it("has every kind of entry and at least one problem with several causes", () => {
    const kinds = new Set(result.graph!.entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["guide", "problem", "question"]);
    const problem = result.graph!.byId.get("gptlink-docker-server-error");
    expect(problem?.kind === "problem" && problem.causes.map((c) => c.id)).toEqual([
      "db-address-localhost",
      "mysql-too-old",
      "compose-start-order",
    ]);
  });

  it("lists the same upstream problems as shared/seeds/README.md, where that file is present", () => {
    const seeds = path.resolve(ROOT, "../shared/seeds/README.md");
    if (!existsSync(seeds)) return;
    const fromSeeds = [...readFileSync(seeds, "utf8").matchAll(/^\| (S\d{3}-\d+) \|/gm)].map((m) => m[1]);
    expect(result.graph!.upstream.problems.map((p) => p.id)).toEqual(fromSeeds);
  });
});
