import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../../src/content";
import { buildSearchIndex } from "../../src/search/build-index";
import { parseEvalFile, partOf } from "../../src/search/eval";
import { createSearcher } from "../../src/search/rank";
const cases = parseEvalFile(readFileSync(process.argv[2] ?? "tests/evals/real-dev.jsonl", "utf8"));
const { graph } = await buildContent(path.resolve("content"));
const s = createSearcher(buildSearchIndex(graph!));
const up = new Map(graph!.entries.map((e) => [e.id, e.upstream]));
const rows = cases.map((c) => {
  const f = s.first(c.q);
  return { part: partOf(c), inScope: c.expect.length > 0, id: f?.id ?? null, right: f ? (up.get(f.id) ?? []).some((u) => c.expect.includes(u)) : false, features: f?.features ?? null, q: c.q.slice(0, 120) };
});
writeFileSync(process.argv[3] ?? "/tmp/dump.json", JSON.stringify(rows));
