import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { facetCounts, isEmptyFilter, knownValues, matchesFilter } from "@/search/facets";
import { createSearcher } from "@/search/rank";
import { parseSearchFilter } from "@/search/request";

const hits = [
  { area: "docker", system: "gptlink", kind: "problem" },
  { area: "email", system: "generic", kind: "problem" },
  { area: "docker", system: "codo", kind: "question" },
  { area: "docker", system: "gptlink", kind: "guide" },
] as const;

describe("facet counts", () => {
  it("counts every value, most frequent first, ties in rank order", () => {
    const facets = facetCounts(hits);
    expect(facets.area).toEqual([
      { value: "docker", count: 3 },
      { value: "email", count: 1 },
    ]);
    expect(facets.system.map((v) => v.value)).toEqual(["gptlink", "generic", "codo"]);
    expect(facets.kind).toEqual([
      { value: "problem", count: 2 },
      { value: "question", count: 1 },
      { value: "guide", count: 1 },
    ]);
  });

  it("puts a value seen later first when it is more frequent", () => {
    const later = [{ area: "email", system: "generic", kind: "guide" }, ...hits];
    expect(facetCounts(later).area).toEqual([
      { value: "docker", count: 3 },
      { value: "email", count: 2 },
    ]);
    // guide and problem tie at two: guide was seen first.
    expect(facetCounts(later).kind.map((v) => v.value)).toEqual(["guide", "problem", "question"]);
  });

  it("is empty for no hits", () => {
    expect(facetCounts([])).toEqual({ area: [], system: [], kind: [] });
  });
});

describe("filters", () => {
  it("keep what matches every chosen facet", () => {
    expect(hits.filter((h) => matchesFilter(h, { area: "docker", kind: "problem" }))).toEqual([hits[0]]);
    expect(hits.filter((h) => matchesFilter(h, {}))).toHaveLength(4);
    expect(hits.filter((h) => matchesFilter(h, { system: "wecom" }))).toEqual([]);
  });

  it("know when nothing is chosen", () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ kind: "guide" })).toBe(false);
  });
});

describe("filters from a URL or a request body", () => {
  const known = { area: new Set(["docker", "email"]), system: new Set(["gptlink"]), kind: new Set(["problem", "guide"]) };

  it("keeps known values and names the unknown or repeated ones", () => {
    expect(parseSearchFilter({ area: "docker", kind: ["guide"] }, known)).toEqual({ filter: { area: "docker", kind: "guide" }, ignored: [] });
    expect(parseSearchFilter({ area: "<script>", system: ["gptlink", "codo"], kind: "problem" }, known)).toEqual({
      filter: { kind: "problem" },
      ignored: ["area", "system"],
    });
  });

  it("treats absent, empty and empty lists alike", () => {
    expect(parseSearchFilter({ area: undefined, system: null, kind: [] }, known)).toEqual({ filter: {}, ignored: [] });
    expect(parseSearchFilter({ area: "" }, known)).toEqual({ filter: {}, ignored: [] });
  });
});

it("a filter narrows the real search, and the counts stay those of every candidate", async () => {
  const { graph } = await buildContent(path.resolve("content"));
  const searcher = createSearcher(buildSearchIndex(graph!));
  const query = "Can't connect to MySQL server on 'mysql' (111)";
  const all = searcher.search(query);
  const areas = all.facets.area.map((f) => f.value);
  expect(areas.length).toBeGreaterThan(1);
  const other = areas[1]!;
  const narrowed = searcher.search(query, { filter: { area: other } });
  expect([...narrowed.results, ...narrowed.suggestions].every((h) => h.area === other)).toBe(true);
  expect(narrowed.facets).toEqual(all.facets);
  const total = all.facets.area.reduce((n, f) => n + f.count, 0);
  expect(all.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(total);
});

it("knows the values each facet takes in an index, once each", () => {
  const known = knownValues(hits);
  expect(known).toEqual({
    area: new Set(["docker", "email"]),
    system: new Set(["gptlink", "generic", "codo"]),
    kind: new Set(["problem", "question", "guide"]),
  });
});
