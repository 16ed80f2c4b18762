import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { packPostings, packVocabulary, unpackPostings, unpackVocabulary } from "@/search/packing";

describe("front-coded vocabulary", () => {
  it("stores what a term shares with the one before it as one character", () => {
    expect(packVocabulary(["mysql", "mysqld", "redis"])).toEqual(["0mysql", "5d", "0redis"]);
  });

  it("gives back the terms, digits, Chinese and characters outside the BMP included", () => {
    const terms = ["3306", "33060", "数据", "数据库", "𠮷野", "𠮷野家", "a"].sort();
    expect(unpackVocabulary(packVocabulary(terms))).toEqual(terms);
  });
});

describe("gap-coded postings", () => {
  it("stores the gap to the previous entry and keeps the weights", () => {
    expect(packPostings([2, 15, 7, 10, 40, 3])).toEqual([2, 15, 5, 10, 33, 3]);
    expect(unpackPostings([2, 15, 5, 10, 33, 3])).toEqual([2, 15, 7, 10, 40, 3]);
    expect(unpackPostings(packPostings([]))).toEqual([]);
  });
});

it("the real index unpacks to sorted, unique terms with ascending entries", async () => {
  const { graph } = await buildContent(path.resolve("content"));
  const data = buildSearchIndex(graph!);
  const terms = unpackVocabulary(data.vocabulary);
  expect(terms).toEqual([...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const packed of data.postings) {
    const docs = unpackPostings(packed).filter((_, i) => i % 2 === 0);
    for (let i = 1; i < docs.length; i++) expect(docs[i]!).toBeGreaterThan(docs[i - 1]!);
    expect(Math.max(...docs)).toBeLessThan(data.docs.length);
  }
});
