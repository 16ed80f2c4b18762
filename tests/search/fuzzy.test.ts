import { describe, expect, it } from "vitest";
import { closestWord, FuzzyIndex } from "@/search/fuzzy";

/** Records are folded short texts, as the index builder hands them over. */
const records = [["access_token 过期"], ["redirect_uri 参数错误"], ["connection refused"], ["端口被占用"], ["nginx 502 bad gateway", "upstream timed out"]];
const index = new FuzzyIndex(records);

describe("FuzzyIndex", () => {
  it("finds a record despite a typo, best first", () => {
    const hits = index.search("conection refused", 5);
    expect(hits[0]?.index).toBe(2);
    expect(hits[0]?.score).toBeGreaterThan(0);
    expect(hits[0]?.score).toBeLessThan(0.34);
    expect(index.search("redirect_url", 5).map((h) => h.index)).toEqual([1]);
  });

  it("matches any text of a record, Han text by two-character grams", () => {
    expect(index.search("upstream timeout", 5).map((h) => h.index)).toEqual([4]);
    expect(index.search("端口被占", 5).map((h) => h.index)).toEqual([3]);
    // 端口 and 占用 are shared; as trigrams, 端口占 and 口占用 would share nothing.
    expect(index.search("端口占用", 5).map((h) => h.index)).toEqual([3]);
  });

  it("hands fuse.js only records sharing two grams with the query", () => {
    // One shared trigram ("acc") is not enough to be a candidate.
    expect(index.search("accx", 5)).toEqual([]);
    expect(index.search("", 5)).toEqual([]);
    expect(index.search("完全无关的内容", 5)).toEqual([]);
  });

  it("among more records sharing as many grams than it reads, reads those sharing most, then the first", () => {
    const tied = Array.from({ length: 300 }, (_, i) => [`timeout error ${i}`]);
    // The record sharing one gram more than the rest comes first whatever its place.
    tied[250] = ["timeout eror"];
    const hits = new FuzzyIndex(tied).search("timeout eror", 4).map((h) => h.index);
    expect(hits).toHaveLength(4);
    expect(hits[0]).toBe(250);
    expect(hits.slice(1).every((index) => index < 20)).toBe(true);
  });

  it("judges a record by its texts that share grams with the query, wherever they are", () => {
    const noisy = new FuzzyIndex([["完全无关的中文", "another unrelated line", "connection refused", "更多无关的文字"], ["nothing alike here"]]);
    expect(noisy.search("conection refused", 5).map((h) => h.index)).toEqual([0]);
  });

  it("keeps to the limit", () => {
    const many = new FuzzyIndex(Array.from({ length: 5 }, (_, i) => [`timeout error ${i}`]));
    expect(many.search("timeout eror", 2)).toHaveLength(2);
  });
});

describe("closestWord", () => {
  const words = ["nginx", "docker", "redis", "mysql"];
  const wordIndex = new FuzzyIndex(words.map((w) => [w]));

  it("spells an unknown Latin word as the knowledge base does", () => {
    expect(closestWord(wordIndex, words, "dockr")).toBe("docker");
    expect(closestWord(wordIndex, words, "mysq")).toBe("mysql");
    expect(closestWord(wordIndex, words, "ngnix")).toBeNull();
  });

  it("spells a word as the known word fewest edits away, not one that merely contains it", () => {
    const known = ["apiconnectionerror", "connection", "econnrefused", "refused"];
    const index = new FuzzyIndex(known.map((w) => [w]));
    expect(closestWord(index, known, "conection")).toBe("connection");
    expect(closestWord(index, known, "refusd")).toBe("refused");
    // A prefix is not a typo: "conn" is six letters short of "connection".
    expect(closestWord(index, known, "conn")).toBeNull();
    expect(closestWord(index, known, "connectionerr")).toBeNull();
  });

  it("leaves known, short, non-Latin and far-off words alone", () => {
    expect(closestWord(wordIndex, words, "docker")).toBeNull();
    expect(closestWord(wordIndex, words, "rds")).toBeNull();
    expect(closestWord(wordIndex, words, "9docker")).toBeNull();
    expect(closestWord(wordIndex, words, "容器容器")).toBeNull();
    expect(closestWord(wordIndex, words, "kubernetes")).toBeNull();
  });
});
