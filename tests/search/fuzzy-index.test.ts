import { describe, expect, it } from "vitest";
import { closestWord, FuzzyIndex } from "@/search/fuzzy";

/** The fuzzy index built inside each test (fuzzy.test.ts builds its index once, while loading). */
describe("FuzzyIndex built per test", () => {
  it("finds a record despite a typo, and nothing for a query that shares no grams", () => {
    const index = new FuzzyIndex([["access_token 过期"], ["connection refused"], ["端口被占用"]]);
    expect(index.search("conection refused", 5).map((h) => h.index)).toEqual([1]);
    expect(index.search("端口被占", 5).map((h) => h.index)).toEqual([2]);
    expect(index.search("nothing alike", 5)).toEqual([]);
  });

  it("indexes every text of a record, and a two-letter word as one gram", () => {
    // "db" is shorter than a trigram: it is a gram of its own, shared with the query.
    const index = new FuzzyIndex([["nginx 502", "db down"], ["redis oom"]]);
    expect(index.search("db dowm", 5).map((h) => h.index)).toEqual([0]);
  });

  it("ranks records sharing more grams first and keeps to the limit", () => {
    const index = new FuzzyIndex([["timeout error one"], ["timeout error"], ["timeout"]]);
    const hits = index.search("timeout error", 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.index).toBe(1);
    expect(hits[0]?.score).toBeLessThan(hits[1]?.score ?? 0);
  });

  it("hands fuse.js only the records that share the most grams when there are many", () => {
    // 40 records share three grams of the query; the close record shares two, so it is not among the 40 handed over.
    const noise = Array.from({ length: 40 }, (_, i) => [`abcdxq zzzzzzzz${i}`]);
    const index = new FuzzyIndex([["abcxyz"], ...noise]);
    expect(index.search("abcdxyz", 5).some((h) => h.index === 0)).toBe(false);
    expect(new FuzzyIndex([["abcxyz"]]).search("abcdxyz", 5).map((h) => h.index)).toEqual([0]);
  });
});

describe("FuzzyIndex candidates", () => {
  it("takes no single letter or digit for a gram", () => {
    expect(new FuzzyIndex([["a b"], ["x 1"]]).search("a b", 5)).toEqual([]);
  });

  it("reads every record sharing more grams than the cut, then only the first at the cut, 16 in all", () => {
    // Record 0 shares all eight grams of the query; the next 20 share seven, and fuse.js would take each.
    const index = new FuzzyIndex([["timeout error"], ...Array.from({ length: 20 }, (_v, i) => [`timeout erro ${i}`])]);
    const hits = index.search("timeout error", 50).map((h) => h.index);
    expect(hits[0]).toBe(0);
    expect([...hits].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_v, i) => i));
  });
});

describe("closestWord built per test", () => {
  const words = ["docker", "redis", "nginx"];

  it("spells a near word as the knowledge base does, only when close", () => {
    const index = new FuzzyIndex(words.map((w) => [w]));
    expect(closestWord(index, words, "dockerr")).toBe("docker");
    expect(closestWord(index, words, "docker")).toBeNull();
    expect(closestWord(index, words, "dockxxxx")).toBeNull();
  });

  it("leaves words that are not plain Latin words alone, however close", () => {
    const index = new FuzzyIndex([["ocker"]]);
    expect(closestWord(index, ["ocker"], "ockerr")).toBe("ocker");
    expect(closestWord(index, ["ocker"], "1ocker")).toBeNull();
    expect(closestWord(index, ["ocker"], "ocker!")).toBeNull();
  });
});

describe("closestWord's edit budget", () => {
  const words = ["docker", "nginx", "connection"];
  const index = new FuzzyIndex(words.map((w) => [w]));

  it("allows one edit in a word of up to five letters, two in a longer one", () => {
    expect(closestWord(index, words, "docke")).toBe("docker");
    // fuse.js finds docker for both; "docks" is two edits from it, one too many for five letters.
    expect(closestWord(index, words, "docks")).toBeNull();
    expect(closestWord(index, words, "nginxxx")).toBe("nginx");
    expect(closestWord(index, words, "connectoin")).toBe("connection");
  });

  it("takes only fuse.js's close hits (score under 0.3), however few the edits", () => {
    // fuse.js scores docker 0.33 for "dockks", two edits away.
    expect(index.search("dockks", 5)[0]?.score).toBeGreaterThanOrEqual(0.3);
    expect(closestWord(index, words, "dockks")).toBeNull();
  });
});
