import { describe, expect, it } from "vitest";
import { bm25, idf, postingsContain, type Postings } from "@/search/bm25";

/** The BM25F formula's numbers on made-up postings, where bm25.test.ts checks orderings. */
const TABLE: Record<string, number[]> = { redis: [0, 20, 2, 10], mysql: [1, 5, 3, 10] };
const index: Postings = { docCount: 4, scale: 10, postingsOf: (term) => TABLE[term] };
const K1 = 1.2;

describe("BM25F numbers", () => {
  it("weighs a term by the probabilistic idf, positive even in every entry", () => {
    expect(idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12);
    expect(idf(4, 4)).toBeCloseTo(Math.log(1 + 0.5 / 4.5), 12);
    expect(idf(4, 4)).toBeGreaterThan(0);
  });

  it("scores tf·(k1+1)/(tf+k1) times the term's weight, tf read back from its scale", () => {
    const { docs, raw, rel } = bm25(["mysql"], new Map([["mysql", 2]]), index, { k1: K1 }, new Float64Array(4));
    expect(docs).toEqual([1, 3]);
    // Entry 1: tf 0.5; entry 3: tf 1.
    expect(raw[0]).toBeCloseTo((2 * 0.5 * (K1 + 1)) / (0.5 + K1), 12);
    expect(raw[1]).toBeCloseTo((2 * 1 * (K1 + 1)) / (1 + K1), 12);
    // The most any entry could score on these terms is 2·(k1+1).
    expect(rel[1]).toBeCloseTo(raw[1]! / (2 * (K1 + 1)), 12);
  });

  it("adds up the terms an entry has, in the order entries are first touched", () => {
    const { docs, raw } = bm25(["mysql", "redis"], new Map([["mysql", 1], ["redis", 3]]), index, { k1: K1 }, new Float64Array(4));
    expect(docs).toEqual([1, 3, 0, 2]);
    expect(raw[2]).toBeCloseTo((3 * 2 * (K1 + 1)) / (2 + K1), 12);
  });

  it("gives a relevance of 0, not NaN, when what was asked weighs nothing", () => {
    const { rel } = bm25(["redis"], new Map([["redis", 0]]), index, { k1: K1 }, new Float64Array(4));
    expect([...rel]).toEqual([0, 0]);
  });
});

describe("postingsContain", () => {
  it("finds exactly the documents of a sorted posting list, at either end and between", () => {
    const even = Array.from({ length: 11 }, (_, i) => [i * 2, 1]).flat();
    for (let doc = -1; doc <= 22; doc++) expect(postingsContain(even, doc), `doc ${doc}`).toBe(doc >= 0 && doc <= 20 && doc % 2 === 0);
    expect(postingsContain([], 0)).toBe(false);
    expect(postingsContain([7, 1], 7)).toBe(true);
  });
});
