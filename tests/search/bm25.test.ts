import { describe, expect, it } from "vitest";
import { bm25, idf, postingsContain, type Postings } from "@/search/bm25";

/** Three made-up entries: 0 talks about redis twice, 1 about mysql, 2 about both. */
const TABLE: Record<string, number[]> = {
  redis: [0, 20, 2, 10],
  mysql: [1, 10, 2, 10],
  refused: [0, 10, 1, 10, 2, 10],
};
const index: Postings = { docCount: 3, scale: 10, postingsOf: (term) => TABLE[term] };
const run = (terms: string[], weights = new Map(terms.map((t) => [t, TABLE[t] ? idf(3, TABLE[t].length / 2) : 1]))) =>
  bm25(terms, weights, index, { k1: 1.2 }, new Float64Array(3));

describe("bm25", () => {
  it("ranks the entry with more of the rarer term first", () => {
    const { docs, raw } = run(["redis", "refused"]);
    const score = new Map(docs.map((d, i) => [d, raw[i] ?? 0]));
    expect(score.get(0)).toBeGreaterThan(score.get(2) ?? 0);
    expect(score.get(2)).toBeGreaterThan(score.get(1) ?? 0);
  });

  it("a term in every entry weighs less than one in a single entry", () => {
    expect(idf(3, 3)).toBeLessThan(idf(3, 1));
  });

  it("normalises to how much of what was asked the entry answers", () => {
    const { docs, rel } = run(["redis", "mysql"]);
    const cover = new Map(docs.map((d, i) => [d, rel[i] ?? 0]));
    expect(cover.get(2)).toBeGreaterThan(cover.get(0) ?? 0);
    for (const value of rel) expect(value).toBeLessThanOrEqual(1);
  });

  it("an unknown term counts against every entry by its weight", () => {
    const plain = run(["redis"]).rel[0] ?? 0;
    const withUnknown = run(["redis", "kubernetes"], new Map([["redis", idf(3, 2)], ["kubernetes", idf(3, 1)]])).rel[0] ?? 0;
    expect(withUnknown).toBeLessThan(plain);
  });

  it("leaves its scratch buffer zeroed for the next call", () => {
    const scratch = new Float64Array(3);
    bm25(["redis"], new Map([["redis", 1]]), index, { k1: 1.2 }, scratch);
    expect([...scratch]).toEqual([0, 0, 0]);
  });

  it("finds a document in sorted postings", () => {
    expect(postingsContain(TABLE.refused!, 1)).toBe(true);
    expect(postingsContain(TABLE.redis!, 1)).toBe(false);
  });
});
