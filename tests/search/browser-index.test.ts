import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex, forBrowser } from "@/search/build-index";
import { parseEvalFile } from "@/search/eval";
import { createSearcher } from "@/search/rank";

const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors");
const full = buildSearchIndex(content.graph);
const server = createSearcher(full);
const browser = createSearcher(JSON.parse(JSON.stringify(forBrowser(full))));
const queries = parseEvalFile(readFileSync("tests/evals/real-dev.jsonl", "utf8")).map((c) => c.q);

describe("the index the browser loads", () => {
  it("is smaller: no quoted summaries, no neighbour hints, no stored term sets", () => {
    const small = forBrowser(full);
    expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(full).length);
    expect(small.neighbours.every((n) => n.hint === "")).toBe(true);
    expect(small.docs.some((d) => "names" in d || d.causes.some((c) => "terms" in c))).toBe(false);
    expect(full.docs.every((d) => d.names !== undefined && d.causes.every((c) => c.terms !== undefined))).toBe(true);
  });

  // The server reads the names' and causes' term sets and the spelling words from the index, the
  // browser derives them: the same answers, causes, confidence and spellings show they are the same.
  it("answers every real query as the server does (same answers, causes, suggestions, neighbour and spelling)", () => {
    const shape = (s: typeof server, q: string) => {
      const r = s.search(q);
      return { confident: r.confident, results: r.results.map((h) => [h.id, h.cause, h.score]), suggestions: r.suggestions.map((h) => [h.id, h.cause]), neighbour: r.neighbour?.id, didYouMean: r.didYouMean };
    };
    for (const q of queries) expect(shape(browser, q), q.slice(0, 60)).toEqual(shape(server, q));
  });
});
