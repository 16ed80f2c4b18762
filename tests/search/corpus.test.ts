import { describe, expect, it } from "vitest";
import { idf } from "@/search/bm25";
import { createCorpus } from "@/search/corpus";
import type { SearchIndexData } from "@/search/index-data";
import { packPostings, packVocabulary } from "@/search/packing";

/**
 * The loaded index as the searcher reads it, on a hand-made index of three entries: the first
 * with its term sets stored (the server's copy), the second without (the browser's), the third
 * with nothing to say.
 */
/** Stems, as the index stores them, and a concept (synonyms.ts). */
const vocabulary = ["502", "cach", "gatewai", "redi", "timeout", "worker", "~缓存"];
const postings: Record<string, number[]> = {
  "502": [0, 30],
  cach: [1, 12],
  gatewai: [0, 25, 1, 10],
  redi: [1, 30],
  timeout: [0, 10, 1, 10, 2, 6],
  worker: [0, 15],
  "~缓存": [1, 5],
};
const id = (term: string) => vocabulary.indexOf(term);

function index(): SearchIndexData {
  return {
    format: 7,
    version: "test",
    docs: [
      {
        id: "gateway-502",
        title: "Gateway 502",
        kind: "problem",
        area: "network",
        system: "general",
        summary: ["The gateway answers 502."],
        aliases: ["bad gateway"],
        causes: [{ id: "worker-down", title: "Worker down", question: "Is the worker running?", terms: [id("worker")] }],
        names: [[id("gatewai"), id("502")], [id("gatewai")]],
      },
      {
        id: "redis-timeout",
        title: "Redis timeout",
        kind: "problem",
        area: "docker",
        system: "general",
        summary: [],
        aliases: ["cache gateway timeout"],
        causes: [
          { id: "slow-query", title: "Slow query", question: "Is a query slow?" },
          { id: "full-cache", title: "Cache full", question: "Is the cache full?" },
        ],
      },
      { id: "empty", title: "已知问题", kind: "guide", area: "docker", system: "general", summary: [], aliases: [], causes: [] },
    ],
    labels: {},
    keepNumbers: ["502"],
    vocabulary: packVocabulary(vocabulary),
    postings: vocabulary.map((term) => packPostings(postings[term] ?? [])),
    signatures: [
      { text: "upstream gateway returned 502", doc: 0, cause: -1 },
      { text: "redis timeout on worker", doc: 1, cause: 1 },
      { text: "redis connection timeout", doc: 1, cause: -1 },
    ],
    neighbours: [],
    confidence: { weights: {}, bias: 0, threshold: 0.5 } as unknown as SearchIndexData["confidence"],
    reliability: [0.5, 0.5, 0.5],
    wording: {},
  };
}

describe("the corpus read from an index", () => {
  it("unpacks the postings by term", () => {
    const corpus = createCorpus(index());
    expect(corpus.docCount).toBe(3);
    expect(corpus.postings.docCount).toBe(3);
    expect(corpus.postings.scale).toBe(10);
    expect(corpus.postings.postingsOf("timeout")).toEqual([0, 10, 1, 10, 2, 6]);
    expect(corpus.postings.postingsOf("gatewai")).toEqual([0, 25, 1, 10]);
    expect(corpus.postings.postingsOf("nginx")).toBeUndefined();
    expect([...corpus.keepNumbers]).toEqual(["502"]);
  });

  it("weighs a term by how many entries have it, and an unknown one as a term of a single entry", () => {
    const corpus = createCorpus(index());
    expect(corpus.termIdf("timeout")).toBe(idf(3, 3));
    expect(corpus.termIdf("gatewai")).toBe(idf(3, 2));
    expect(corpus.termIdf("redi")).toBe(idf(3, 1));
    expect(corpus.termIdf("nginx")).toBeNull();
    expect(corpus.unknownIdf).toBe(idf(3, 1));
  });

  it("says which entry has a term", () => {
    const corpus = createCorpus(index());
    expect([0, 1, 2].map((doc) => corpus.entryHas(doc, "gatewai"))).toEqual([true, true, false]);
    expect([0, 1, 2].map((doc) => corpus.entryHas(doc, "timeout"))).toEqual([true, true, true]);
    expect(corpus.entryHas(0, "nginx")).toBe(false);
  });

  it("groups the signatures by entry", () => {
    const corpus = createCorpus(index());
    expect(corpus.signaturesOf(0).map((s) => s.text)).toEqual(["upstream gateway returned 502"]);
    expect(corpus.signaturesOf(1).map((s) => s.text)).toEqual(["redis timeout on worker", "redis connection timeout"]);
    expect(corpus.signaturesOf(2)).toEqual([]);
  });

  it("reads the stored term sets of names and causes", () => {
    const corpus = createCorpus(index());
    expect(corpus.namesOf(0).map((set) => [...set])).toEqual([["gatewai", "502"], ["gatewai"]]);
    expect([...corpus.termsOfCause(0, 0)]).toEqual(["worker"]);
  });

  it("derives them, keeping only known terms, where the index leaves them out", () => {
    const corpus = createCorpus(index());
    // Title, alias and the entry's own signature; "connection" is not in the vocabulary.
    expect(corpus.namesOf(1).map((set) => [...set].sort())).toEqual([["redi", "timeout"], ["cach", "gatewai", "timeout"], ["redi", "timeout"]]);
    // A cause's title, question and its own signatures, not another cause's, and the concepts they name.
    expect([...corpus.termsOfCause(1, 0)]).toEqual([]);
    expect([...corpus.termsOfCause(1, 1)].sort()).toEqual(["cach", "redi", "timeout", "worker", "~缓存"]);
  });

  it("derives each set once and has none for an entry or cause it does not have", () => {
    const corpus = createCorpus(index());
    expect(corpus.namesOf(1)).toBe(corpus.namesOf(1));
    expect(corpus.termsOfCause(1, 1)).toBe(corpus.termsOfCause(1, 1));
    expect(corpus.namesOf(2).map((set) => [...set])).toEqual([[]]);
    expect(corpus.namesOf(7)).toEqual([]);
    expect([...corpus.termsOfCause(1, 5)]).toEqual([]);
    expect([...corpus.termsOfCause(7, 0)]).toEqual([]);
  });

  it("quotes an entry's summary, aliases, causes and signatures, each with the cause it belongs to", () => {
    const corpus = createCorpus(index());
    expect(corpus.quotablesOf(1).map(({ text, cause }) => [text, cause])).toEqual([
      ["cache gateway timeout", -1],
      ["Slow query", 0],
      ["Is a query slow?", 0],
      ["Cache full", 1],
      ["Is the cache full?", 1],
      ["redis timeout on worker", 1],
      ["redis connection timeout", -1],
    ]);
    expect(corpus.quotablesOf(0)[0]).toEqual({ text: "The gateway answers 502.", cause: -1, folded: "the gateway answers 502." });
    expect(corpus.quotablesOf(0)).toBe(corpus.quotablesOf(0));
    expect(corpus.quotablesOf(7)).toEqual([]);
  });

  it("finds an entry by its names despite a typo", () => {
    const corpus = createCorpus(index());
    expect(corpus.fuzzyNames.search("redis timeot", 5)[0]?.index).toBe(1);
    expect(corpus.fuzzyNames.search("upstream gatway returned", 5)[0]?.index).toBe(0);
  });

  it("spells with the whole words of four or more letters the entries write, once", () => {
    const corpus = createCorpus(index());
    const { words, index: spelling } = corpus.spelling();
    // Not "answers", which only the summary writes, nor words shorter than four letters.
    expect(words).toEqual(["cache", "connection", "down", "full", "gateway", "query", "redis", "returned", "running", "slow", "timeout", "upstream", "worker"]);
    expect(words[spelling.search("gatewy", 1)[0]?.index ?? -1]).toBe("gateway");
    expect(corpus.spelling()).toBe(corpus.spelling());
  });
});
