import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import type * as Fuzzy from "@/search/fuzzy";
import { createSearcher } from "@/search/rank";

// Counts the fuzzy indexes built: one for the entries' names at load, one more for spelling.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/search/fuzzy", async (importOriginal) => {
  const original = await importOriginal<typeof Fuzzy>();
  class CountedFuzzyIndex extends original.FuzzyIndex {
    constructor(texts: readonly (readonly string[])[]) {
      super(texts);
      built.count += 1;
    }
  }
  return { ...original, FuzzyIndex: CountedFuzzyIndex };
});

const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors");

describe("the spelling index", () => {
  it("is built only when an unanswered short query has a Latin word the knowledge base does not know", () => {
    built.count = 0;
    const searcher = createSearcher(buildSearchIndex(content.graph!));
    expect(built.count).toBe(1);
    // Unanswered, short, but no unknown Latin word of four letters or more ("ipc" is three).
    const unanswered = searcher.search("始终收不到,ipc备案的域名也试过");
    expect(unanswered.confident).toBe(false);
    expect(built.count).toBe(1);
    expect(searcher.search("whitlist").didYouMean).toBe("whitelist");
    expect(built.count).toBe(2);
    searcher.search("redirct_uri");
    expect(built.count).toBe(2);
  });
});
