import path from "node:path";
import { buildContent } from "../../src/content";
import { buildSearchIndex } from "../../src/search/build-index";
import { createSearcher } from "../../src/search/rank";
const { graph } = await buildContent(path.resolve("/work/main/content"));
const s = createSearcher(buildSearchIndex(graph!));
for (const q of process.argv.slice(2)) {
  const r = s.search(q);
  console.log("Q:", q.slice(0,100), "confident", r.confident);
  for (const h of [...r.results, ...r.suggestions].slice(0,4)) console.log("  ", h.id, h.cause ?? "", h.score, h.confidence, h.signature ?? "", h.explain ?? "");
}
