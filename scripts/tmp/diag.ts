import { readFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../../src/content";
import { buildSearchIndex } from "../../src/search/build-index";
import { probability } from "../../src/search/confidence";
import { parseEvalFile, partOf } from "../../src/search/eval";
import { createSearcher } from "../../src/search/rank";
const cases = parseEvalFile(readFileSync("tests/evals/real-dev.jsonl", "utf8")).filter((c) => partOf(c) === (process.argv[2] ?? "tune"));
const { graph } = await buildContent(path.resolve("content"));
const data = buildSearchIndex(graph!);
const s = createSearcher(data);
const up = new Map(graph!.entries.map((e) => [e.id, e.upstream]));
const rows = cases.map((c) => {
  const f = s.first(c.q);
  const right = f ? (up.get(f.id) ?? []).some((u) => c.expect.includes(u)) : false;
  return { c, f, right, p: f ? probability(data.confidence, f.features) : 0 };
});
const fmt = (x: Record<string, number>) => Object.entries(x).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(" ");
const mode = process.argv[3] ?? "oos";
for (const r of rows.sort((a, b) => b.p - a.p)) {
  if (mode === "oos" && r.c.expect.length > 0) continue;
  if (mode === "low" && !(r.c.expect.length > 0 && r.right && r.p < 0.7)) continue;
  if (mode === "wrong" && !(r.c.expect.length > 0 && !r.right)) continue;
  console.log(`${r.p.toFixed(2)} ${r.f?.id ?? "-"} | ${r.c.q.replace(/\s+/g, " ").slice(0, 110)}\n      ${r.f ? fmt(r.f.features as never) : ""}  expect ${r.c.expect.join(",")}`);
}
